//! Tenure and age bands: the coarse groups survey results may be cut by.
//! A response stores the band, never the date, so it cannot be matched to
//! a start date or a birthday.

use serde::{Deserialize, Serialize};

coded!(
    /// How long someone has worked here, when their start date is known.
    TenureBand {
        UnderOneYear => "lt1", SurveysTenureLt1;
        OneToTwo => "1to2", SurveysTenure1to2;
        TwoToFive => "2to5", SurveysTenure2to5;
        FiveToTen => "5to10", SurveysTenure5to10;
        TenOrMore => "10plus", SurveysTenure10plus;
    }
);

coded!(
    /// How old someone is this year, when their year of birth is known.
    AgeBand {
        UnderTwentyFive => "lt25", SurveysAgeLt25;
        TwentyFiveToThirtyFour => "25to34", SurveysAge25to34;
        ThirtyFiveToFortyFour => "35to44", SurveysAge35to44;
        FortyFiveToFiftyFour => "45to54", SurveysAge45to54;
        FiftyFiveOrOlder => "55plus", SurveysAge55plus;
    }
);

impl TenureBand {
    /// The band of someone who has worked here `days` days.
    pub fn of_days(days: i64) -> TenureBand {
        match days / 365 {
            i64::MIN..=0 => TenureBand::UnderOneYear,
            1 => TenureBand::OneToTwo,
            2..=4 => TenureBand::TwoToFive,
            5..=9 => TenureBand::FiveToTen,
            _ => TenureBand::TenOrMore,
        }
    }
}

impl AgeBand {
    /// The band of someone born in `birth_year`, in `year`.
    pub fn of(birth_year: i32, year: i32) -> AgeBand {
        match year - birth_year {
            i32::MIN..=24 => AgeBand::UnderTwentyFive,
            25..=34 => AgeBand::TwentyFiveToThirtyFour,
            35..=44 => AgeBand::ThirtyFiveToFortyFour,
            45..=54 => AgeBand::FortyFiveToFiftyFour,
            _ => AgeBand::FiftyFiveOrOlder,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_start_at_their_lower_bound() {
        assert_eq!(TenureBand::of_days(364), TenureBand::UnderOneYear);
        assert_eq!(TenureBand::of_days(365), TenureBand::OneToTwo);
        assert_eq!(TenureBand::of_days(5 * 365), TenureBand::FiveToTen);
        assert_eq!(AgeBand::of(2002, 2026), AgeBand::UnderTwentyFive, "24 this year, whatever the birthday");
        assert_eq!(AgeBand::of(2001, 2026), AgeBand::TwentyFiveToThirtyFour);
        assert_eq!(AgeBand::of(1971, 2026), AgeBand::FiftyFiveOrOlder);
    }
}
