//! The demo organisation's frame, in Dutch and English: job functions, core
//! values, and competencies with levels and behavioural indicators, asked
//! of functions or units.

/// Dutch and English name, Dutch and English description.
pub type Texts = (&'static str, &'static str, &'static str, &'static str);

pub const FUNCTIONS: &[Texts] = &[
    (
        "Bestuurder",
        "Executive director",
        "Eindverantwoordelijk voor de zorggroep.",
        "Ultimately responsible for the care group.",
    ),
    (
        "Managementassistent",
        "Management assistant",
        "Ondersteunt directie en staf.",
        "Supports the board and staff.",
    ),
    (
        "Manager bedrijfsvoering",
        "Operations manager",
        "Leidt de stafafdelingen.",
        "Leads the staff departments.",
    ),
    (
        "HR-adviseur",
        "HR adviser",
        "Adviseert over personeel, gesprekscyclus en verzuim.",
        "Advises on staff, the review cycle and absence.",
    ),
    (
        "Salarisadministrateur",
        "Payroll administrator",
        "Verzorgt de salarisadministratie.",
        "Runs the payroll.",
    ),
    ("Controller", "Controller", "Bewaakt begroting en cijfers.", "Watches over budget and figures."),
    (
        "Financieel medewerker",
        "Finance officer",
        "Verwerkt facturen en betalingen.",
        "Processes invoices and payments.",
    ),
    (
        "ICT-beheerder",
        "IT administrator",
        "Beheert werkplekken en systemen.",
        "Manages workstations and systems.",
    ),
    ("Zorgmanager", "Care manager", "Stuurt teamleiders in de zorg aan.", "Leads the team leaders in care."),
    (
        "Teamleider",
        "Team leader",
        "Leidt een zorgteam en voert de gesprekken.",
        "Leads a care team and holds its conversations.",
    ),
    (
        "Wijkverpleegkundige",
        "District nurse",
        "Verleent en organiseert zorg bij cliënten thuis.",
        "Gives and organises care in clients' homes.",
    ),
    (
        "Verpleegkundige",
        "Nurse",
        "Verleent verpleegkundige zorg in het verpleeghuis.",
        "Gives nursing care in the nursing home.",
    ),
    (
        "Verzorgende IG",
        "Certified carer",
        "Verzorgt cliënten en voert voorbehouden handelingen uit.",
        "Cares for clients and carries out reserved procedures.",
    ),
    (
        "Helpende",
        "Care assistant",
        "Helpt bij dagelijkse verzorging en activiteiten.",
        "Helps with daily care and activities.",
    ),
    (
        "Specialist ouderengeneeskunde",
        "Elderly care physician",
        "Arts voor de cliënten van de zorggroep.",
        "Physician for the care group's clients.",
    ),
    (
        "Fysiotherapeut",
        "Physiotherapist",
        "Behandelt en adviseert over bewegen.",
        "Treats and advises on movement.",
    ),
    (
        "Praktijkopleider",
        "Practice trainer",
        "Begeleidt leerlingen en nieuwe collega's.",
        "Guides students and new colleagues.",
    ),
    (
        "Teamleider facilitair",
        "Facilities team leader",
        "Leidt de facilitaire dienst.",
        "Leads the facilities service.",
    ),
    (
        "Facilitair medewerker",
        "Facilities worker",
        "Zorgt voor gebouwen, schoonmaak en post.",
        "Looks after buildings, cleaning and post.",
    ),
    ("Kok", "Cook", "Kookt voor cliënten en medewerkers.", "Cooks for clients and staff."),
    ("Chauffeur", "Driver", "Vervoert cliënten en goederen.", "Transports clients and goods."),
    (
        "Vrijwilligerscoördinator",
        "Volunteer coordinator",
        "Werft en begeleidt vrijwilligers.",
        "Recruits and guides volunteers.",
    ),
];

pub const VALUES: &[Texts] = &[
    (
        "Betrokken",
        "Involved",
        "We kennen onze cliënten en elkaar, en tonen dat.",
        "We know our clients and each other, and show it.",
    ),
    (
        "Vakkundig",
        "Skilled",
        "We doen ons werk goed en blijven leren.",
        "We do our work well and keep learning.",
    ),
    (
        "Betrouwbaar",
        "Reliable",
        "We doen wat we zeggen en zeggen wat we doen.",
        "We do what we say and say what we do.",
    ),
    (
        "Samen",
        "Together",
        "We werken samen, met cliënten, naasten en collega's.",
        "We work together, with clients, their families and colleagues.",
    ),
];

/// A level: Dutch and English name, Dutch and English indicators (one per line).
pub type Level = (&'static str, &'static str, &'static str, &'static str);

pub struct DemoCompetency {
    pub texts: Texts,
    /// Asked of the holders of these functions (Dutch names)…
    pub functions: &'static [&'static str],
    /// …and of the people of these units (names) and below.
    pub units: &'static [&'static str],
    pub levels: &'static [Level],
}

const BASIC: (&str, &str) = ("Basis", "Basic");
const ADVANCED: (&str, &str) = ("Gevorderd", "Advanced");
const EXPERT: (&str, &str) = ("Expert", "Expert");

pub const COMPETENCIES: &[DemoCompetency] = &[
    DemoCompetency {
        texts: (
            "Klantgerichtheid",
            "Client focus",
            "Handelt vanuit wat de cliënt nodig heeft en wil.",
            "Acts on what the client needs and wants.",
        ),
        functions: &[],
        units: &["Zorg"],
        levels: &[
            (
                BASIC.0,
                BASIC.1,
                "Vraagt de cliënt wat die wil\nHoudt zich aan afspraken met de cliënt",
                "Asks the client what they want\nKeeps appointments with the client",
            ),
            (
                ADVANCED.0,
                ADVANCED.1,
                "Betrekt naasten bij de zorg\nSignaleert veranderende wensen",
                "Involves the client's family in the care\nNotices changing wishes",
            ),
            (
                EXPERT.0,
                EXPERT.1,
                "Verbetert werkwijzen vanuit cliëntervaringen",
                "Improves ways of working from client experiences",
            ),
        ],
    },
    DemoCompetency {
        texts: (
            "Samenwerken",
            "Collaboration",
            "Werkt met anderen aan een gezamenlijk resultaat.",
            "Works with others towards a shared result.",
        ),
        functions: &[],
        units: &["Directie", "Staf", "Zorg", "Facilitair"],
        levels: &[
            (
                BASIC.0,
                BASIC.1,
                "Deelt informatie op tijd\nHelpt collega's als dat nodig is",
                "Shares information in time\nHelps colleagues when needed",
            ),
            (
                ADVANCED.0,
                ADVANCED.1,
                "Zoekt actief afstemming met andere teams",
                "Actively coordinates with other teams",
            ),
            (
                EXPERT.0,
                EXPERT.1,
                "Brengt mensen met verschillende belangen bij elkaar",
                "Brings people with different interests together",
            ),
        ],
    },
    DemoCompetency {
        texts: (
            "Klinisch redeneren",
            "Clinical reasoning",
            "Onderbouwt zorgbeslissingen met kennis en observatie.",
            "Grounds care decisions in knowledge and observation.",
        ),
        functions: &["Wijkverpleegkundige", "Verpleegkundige"],
        units: &[],
        levels: &[
            (BASIC.0, BASIC.1, "Observeert en rapporteert volledig", "Observes and reports completely"),
            (
                ADVANCED.0,
                ADVANCED.1,
                "Herkent risico's vroeg en handelt ernaar",
                "Recognises risks early and acts on them",
            ),
            (
                EXPERT.0,
                EXPERT.1,
                "Begeleidt collega's bij complexe zorgvragen",
                "Coaches colleagues on complex care questions",
            ),
        ],
    },
    DemoCompetency {
        texts: (
            "Coachend leidinggeven",
            "Coaching leadership",
            "Helpt medewerkers zelf verder te komen.",
            "Helps employees move forward themselves.",
        ),
        functions: &["Teamleider", "Zorgmanager", "Teamleider facilitair"],
        units: &[],
        levels: &[
            (
                BASIC.0,
                BASIC.1,
                "Voert regelmatig 1-op-1-gesprekken\nGeeft tijdig feedback",
                "Holds regular 1:1 conversations\nGives timely feedback",
            ),
            (
                ADVANCED.0,
                ADVANCED.1,
                "Stelt vragen in plaats van oplossingen te geven",
                "Asks questions instead of giving solutions",
            ),
            (EXPERT.0, EXPERT.1, "Ontwikkelt het team als geheel", "Develops the team as a whole"),
        ],
    },
    DemoCompetency {
        texts: (
            "Digitale vaardigheid",
            "Digital skills",
            "Werkt veilig en handig met digitale middelen.",
            "Works safely and skilfully with digital tools.",
        ),
        functions: &[],
        units: &["Staf"],
        levels: &[
            (
                BASIC.0,
                BASIC.1,
                "Gebruikt de standaardsystemen zelfstandig",
                "Uses the standard systems independently",
            ),
            (
                ADVANCED.0,
                ADVANCED.1,
                "Helpt collega's met nieuwe toepassingen",
                "Helps colleagues with new applications",
            ),
        ],
    },
    DemoCompetency {
        texts: (
            "Hygiënisch werken",
            "Hygienic working",
            "Werkt volgens de hygiënerichtlijnen.",
            "Works according to the hygiene guidelines.",
        ),
        functions: &["Verzorgende IG", "Helpende", "Kok"],
        units: &[],
        levels: &[
            (BASIC.0, BASIC.1, "Past handhygiëne altijd toe", "Always applies hand hygiene"),
            (ADVANCED.0, ADVANCED.1, "Spreekt collega's aan op hygiëne", "Addresses colleagues on hygiene"),
        ],
    },
];
