//! A round's results as a spreadsheet, exactly as the results page shows
//! them to the same viewer: the workbook is written from the
//! [`SurveyResults`] that `results::results` gives, so the anonymity engine
//! decides here as everywhere, and a hidden group's row says why instead of
//! holding a number. Sheets: the group and its heatmap, the questions, the
//! trend, and the comments (only where the page shows them).

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::domain::AppError;
use crate::domain::dto::surveys::{Cell, Comments, SurveyResults};
use crate::i18n::{Key, Lang, format, text};

pub fn to_xlsx(results: &SurveyResults, lang: Lang) -> Result<Vec<u8>, AppError> {
    write(results, lang).map_err(|error| {
        tracing::error!(%error, "the survey results workbook could not be written");
        AppError::Internal
    })
}

fn write(results: &SurveyResults, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    groups_sheet(workbook.add_worksheet(), results, lang, &bold)?;
    questions_sheet(workbook.add_worksheet(), results, lang, &bold)?;
    trend_sheet(workbook.add_worksheet(), results, lang, &bold)?;
    comments_sheet(workbook.add_worksheet(), results, lang, &bold)?;
    workbook.save_to_buffer()
}

/// The title, what is shown, the group looked from and its heatmap.
fn groups_sheet(
    sheet: &mut Worksheet,
    results: &SurveyResults,
    lang: Lang,
    bold: &Format,
) -> Result<(), XlsxError> {
    sheet.set_name(text(lang, Key::SurveysResults))?;
    sheet.write_string_with_format(0, 0, results.title.in_language(lang), bold)?;
    sheet.write_string(1, 0, results.round.line(lang))?;
    let threshold = results.threshold.to_string();
    sheet.write_string(2, 0, format(lang, Key::SurveysResultsHint, &[("threshold", &threshold)]))?;
    let scope = results
        .scopes
        .iter()
        .find(|(unit, _)| *unit == results.query.unit)
        .map(
            |(unit, name)| {
                if unit.is_none() { text(lang, Key::SurveysEveryone).to_owned() } else { name.clone() }
            },
        )
        .unwrap_or_default();
    sheet.write_string(3, 0, text(lang, Key::SurveysLookFrom))?;
    sheet.write_string(3, 1, scope)?;
    sheet.write_string(4, 0, text(lang, Key::SurveysCutBy))?;
    sheet.write_string(4, 1, text(lang, results.query.breakdown.label_key()))?;
    let group = text(lang, Key::SurveysGroupLookedFrom).to_owned();
    let rows = std::iter::once((group, &results.overall))
        .chain(results.rows.iter().map(|row| (row.label.in_language(lang), &row.cell)));
    cell_table(sheet, 6, results, lang, bold, rows)?;
    sheet.set_column_width(0, 32)?;
    Ok(())
}

/// A header of the themes (and eNPS), then a row per group from `first_row`.
fn cell_table<'a>(
    sheet: &mut Worksheet,
    first_row: u32,
    results: &SurveyResults,
    lang: Lang,
    bold: &Format,
    rows: impl Iterator<Item = (String, &'a Cell)>,
) -> Result<(), XlsxError> {
    let mut header = vec![text(lang, Key::SurveysGroup), text(lang, Key::SurveysRespondents)];
    header.extend(results.themes.iter().map(|theme| text(lang, theme.label_key())));
    if results.has_enps {
        header.push(text(lang, Key::SurveysEnps));
    }
    for (column, title) in (0u16..).zip(header) {
        sheet.write_string_with_format(first_row, column, title, bold)?;
    }
    for (row, (label, cell)) in (first_row + 1..).zip(rows) {
        sheet.write_string(row, 0, label)?;
        match cell {
            Cell::Shown { respondents, themes, enps } => {
                sheet.write_number(row, 1, *respondents)?;
                let scores = themes.iter().copied().chain(results.has_enps.then_some(*enps));
                for (column, score) in (2u16..).zip(scores) {
                    write_score(sheet, row, column, score)?;
                }
            }
            Cell::Hidden(verdict) => {
                sheet.write_string(row, 1, text(lang, verdict.reason_key()))?;
            }
        }
    }
    Ok(())
}

/// A number, or a dash where nobody answered.
fn write_score(sheet: &mut Worksheet, row: u32, column: u16, score: Option<i32>) -> Result<(), XlsxError> {
    match score {
        Some(score) => sheet.write_number(row, column, score).map(|_| ()),
        None => sheet.write_string(row, column, "–").map(|_| ()),
    }
}

fn questions_sheet(
    sheet: &mut Worksheet,
    results: &SurveyResults,
    lang: Lang,
    bold: &Format,
) -> Result<(), XlsxError> {
    sheet.set_name(text(lang, Key::SurveysPerQuestion))?;
    let header = [Key::SurveysQuestion, Key::SurveysThemeLabel, Key::SurveysScore, Key::SurveysAnswers];
    for (column, key) in (0u16..).zip(header) {
        sheet.write_string_with_format(0, column, text(lang, key), bold)?;
    }
    let fewer = format(lang, Key::SurveysFewerThan, &[("threshold", &results.threshold.to_string())]);
    for (row, question) in (1u32..).zip(&results.questions) {
        sheet.write_string(row, 0, question.text.in_language(lang))?;
        sheet.write_string(row, 1, text(lang, question.theme.label_key()))?;
        write_score(sheet, row, 2, question.score)?;
        match question.answers {
            Some(answers) => sheet.write_number(row, 3, answers)?,
            None => sheet.write_string(row, 3, &fewer)?,
        };
    }
    sheet.set_column_width(0, 60)?;
    Ok(())
}

fn trend_sheet(
    sheet: &mut Worksheet,
    results: &SurveyResults,
    lang: Lang,
    bold: &Format,
) -> Result<(), XlsxError> {
    sheet.set_name(text(lang, Key::SurveysTrend))?;
    let rows = results.trend.iter().map(|point| (point.opens_on.clone(), &point.cell));
    cell_table(sheet, 0, results, lang, bold, rows)
}

/// Each comment with its conversation, or why the comments are not shown.
fn comments_sheet(
    sheet: &mut Worksheet,
    results: &SurveyResults,
    lang: Lang,
    bold: &Format,
) -> Result<(), XlsxError> {
    sheet.set_name(text(lang, Key::SurveysComments))?;
    let themes = match &results.comments {
        Comments::Hidden => {
            let threshold = results.threshold.to_string();
            sheet.write_string(
                0,
                0,
                format(lang, Key::SurveysCommentsHidden, &[("threshold", &threshold)]),
            )?;
            return Ok(());
        }
        Comments::Shown(themes) if themes.is_empty() => {
            sheet.write_string(0, 0, text(lang, Key::SurveysNoComments))?;
            return Ok(());
        }
        Comments::Shown(themes) => themes,
    };
    let header =
        [Key::SurveysThemeLabel, Key::SurveysQuestion, Key::SurveysComment, Key::SurveysConversation];
    for (column, key) in (0u16..).zip(header) {
        sheet.write_string_with_format(0, column, text(lang, key), bold)?;
    }
    let threads =
        themes.iter().flat_map(|theme| theme.comments.iter().map(move |thread| (theme.theme, thread)));
    for (row, (theme, thread)) in (1u32..).zip(threads) {
        sheet.write_string(row, 0, text(lang, theme.label_key()))?;
        sheet.write_string(row, 1, thread.question.in_language(lang))?;
        sheet.write_string(row, 2, &thread.text)?;
        let conversation: Vec<String> = thread
            .replies
            .iter()
            .map(|reply| {
                let author = match reply.author.as_deref() {
                    None => text(lang, Key::SurveysRespondent),
                    Some("") => text(lang, Key::SurveysFormerManager),
                    Some(name) => name,
                };
                format!("{author} ({}): {}", reply.written_at, reply.text)
            })
            .collect();
        sheet.write_string(row, 3, conversation.join("\n"))?;
    }
    for (column, width) in [(1u16, 40.0), (2, 60.0), (3, 60.0)] {
        sheet.set_column_width(column, width)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
