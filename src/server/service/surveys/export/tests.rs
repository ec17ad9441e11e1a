//! The spreadsheet holds what the results page shows and nothing more: the
//! team of six with its numbers, the team of two with the reason it is
//! hidden, and no comment of a group too small for comments.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use chrono::Utc;

use super::to_xlsx;
use crate::domain::dto::surveys::ResultsQuery;
use crate::domain::surveys::Segment;
use crate::i18n::Lang;
use crate::server::service::surveys::test_fixture::{TZ, two_teams};
use crate::server::service::surveys::{builder, results};
use crate::server::testing::for_each_backend;

/// Every sheet of the workbook, by name, as rows of text.
fn sheets(bytes: Vec<u8>) -> Vec<(String, Vec<Vec<String>>)> {
    let mut workbook = Xlsx::new(Cursor::new(bytes)).expect("a workbook");
    workbook
        .worksheets()
        .into_iter()
        .map(|(name, range)| {
            let rows = range
                .rows()
                .map(|row| {
                    row.iter()
                        .map(|cell| match cell {
                            Data::Empty => String::new(),
                            other => other.to_string(),
                        })
                        .collect()
                })
                .collect();
            (name, rows)
        })
        .collect()
}

fn row<'a>(rows: &'a [Vec<String>], label: &str) -> &'a [String] {
    rows.iter().find(|row| row.first().is_some_and(|first| first == label)).expect(label)
}

for_each_backend! {
    async fn the_export_shows_the_team_of_six_and_says_why_the_team_of_two_is_hidden(db) {
        let teams = two_teams(&db, "once").await;
        let now = Utc::now();
        for (at, person) in teams.people.iter().enumerate() {
            let comment = if at < 6 { "Meer overleg graag." } else { "Alleen wij weten dit." };
            teams.answer(&db, person, if at < 6 { 4 } else { 1 }, comment, now).await;
        }
        builder::close_now(&db, &teams.femke, teams.round, TZ, now).await.expect("closed");
        let query = ResultsQuery { round: teams.round, unit: None, breakdown: Segment::Unit };
        let shown = results::results(&db, &teams.keys, &teams.femke, query, TZ).await.expect("results");

        let workbook = sheets(to_xlsx(&shown, Lang::En).expect("written"));
        let names: Vec<&str> = workbook.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["Results", "Per question", "Trend", "Comments by theme"]);
        let groups = &workbook[0].1;
        assert_eq!(groups[0][0], "Medewerkersonderzoek");
        assert_eq!(row(groups, "Zorg")[1], "6", "the team of six with its respondents");
        let klein = row(groups, "Klein");
        assert_eq!(klein[1], "Hidden: fewer respondents than the threshold.");
        assert!(klein[2..].iter().all(String::is_empty), "and not one number: {klein:?}");
        assert!(row(groups, "This group")[1].starts_with("Hidden:"), "all eight minus Zorg would be Klein");
        let everything: String = workbook.iter().flat_map(|(_, rows)| rows.iter().flatten()).cloned().collect();
        assert!(!everything.contains("Alleen wij weten dit."), "no comment of the hidden team");

        let zorg = ResultsQuery { unit: Some(teams.zorg), ..query };
        let from_zorg = results::results(&db, &teams.keys, &teams.ahmed, zorg, TZ).await.expect("Ahmed's team");
        let workbook = sheets(to_xlsx(&from_zorg, Lang::Nl).expect("written"));
        assert_eq!(row(&workbook[0].1, "Deze groep")[1], "6");
        let comments = &workbook[3].1;
        assert_eq!(comments[0][..3], ["Thema", "Vraag", "Opmerking"], "in the viewer's language");
        assert!(comments.iter().skip(1).all(|row| row[2] == "Meer overleg graag."), "{comments:?}");
        assert_eq!(comments.len(), 7, "the six comments of Zorg, under a header");
    }
}
