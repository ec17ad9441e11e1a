//! Reading and writing the import file: a header row and rows of text
//! cells, from CSV (comma, semicolon or tab; UTF-8 or Windows-1252) or from
//! the first sheet of an XLSX workbook.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use crate::domain::dto::ImportIssue;

/// The cells of a file: `rows[0]` is the header row.
pub type Table = Vec<Vec<String>>;

/// An XLSX file is a ZIP archive, which starts like this.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

pub fn read(bytes: &[u8]) -> Result<Table, ImportIssue> {
    let table = if bytes.starts_with(ZIP_MAGIC) { read_xlsx(bytes)? } else { read_csv(bytes)? };
    // Rows left empty in a spreadsheet are no people.
    Ok(table.into_iter().filter(|row| row.iter().any(|cell| !cell.trim().is_empty())).collect())
}

fn read_xlsx(bytes: &[u8]) -> Result<Table, ImportIssue> {
    let mut workbook = Xlsx::new(Cursor::new(bytes)).map_err(|_| ImportIssue::Unreadable)?;
    let sheet =
        workbook.worksheet_range_at(0).ok_or(ImportIssue::NoRows)?.map_err(|_| ImportIssue::Unreadable)?;
    Ok(sheet.rows().map(|row| row.iter().map(cell_text).collect()).collect())
}

/// A cell as the person who typed it would read it: whole numbers without
/// a decimal point (a number typed into a text column), dates as
/// `YYYY-MM-DD`.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(text) => text.clone(),
        Data::DateTime(moment) if moment.is_datetime() => excel_day(moment.as_f64()),
        Data::Float(number) if number.fract() == 0.0 && number.abs() < 1e15 => format!("{number:.0}"),
        other => other.to_string(),
    }
}

/// The day of a spreadsheet date: days since 30 December 1899.
fn excel_day(serial: f64) -> String {
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
    // Whole days only: a spreadsheet keeps the time of day as the fraction.
    let days = serial.floor() as i64;
    epoch
        .checked_add_signed(chrono::Duration::days(days))
        .map(|day| day.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

fn read_csv(bytes: &[u8]) -> Result<Table, ImportIssue> {
    let text = decode(bytes);
    if text.contains('\0') {
        return Err(ImportIssue::Unreadable);
    }
    let header = text.lines().next().unwrap_or_default();
    let delimiter = [b';', b'\t', b',']
        .into_iter()
        .max_by_key(|d| header.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|record| {
            record.map(|r| r.iter().map(str::to_owned).collect()).map_err(|_| ImportIssue::Unreadable)
        })
        .collect()
}

/// UTF-8 (without its byte-order mark), or else Windows-1252, which older
/// spreadsheet programs write.
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

/// The table as CSV: UTF-8 with a byte-order mark, so spreadsheet programs
/// read accented names right.
pub fn write_csv(table: &Table) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    for row in table {
        // Writing to memory cannot fail.
        let _ = writer.write_record(row);
    }
    writer.into_inner().unwrap_or_default()
}

/// The table as an XLSX workbook of one sheet, every cell text (so phone
/// numbers keep their leading zero), the header bold.
pub fn write_xlsx(table: &Table, sheet_name: &str) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(sheet_name)?;
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for (r, row) in table.iter().enumerate() {
        let r = u32::try_from(r).unwrap_or(u32::MAX);
        for (c, cell) in row.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            if r == 0 {
                sheet.write_string_with_format(r, c, cell, &bold)?;
            } else {
                sheet.write_string(r, c, cell)?;
            }
        }
    }
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[&[&str]]) -> Table {
        rows.iter().map(|row| row.iter().map(|cell| (*cell).to_owned()).collect()).collect()
    }

    #[test]
    fn csv_is_read_with_whatever_separator_the_header_uses() {
        let expected = table(&[&["naam", "e-mail"], &["Sanne de Vries", "sanne@example.org"]]);
        assert_eq!(read(b"naam;e-mail\nSanne de Vries;sanne@example.org\n").expect("semicolons"), expected);
        assert_eq!(read(b"naam,e-mail\r\nSanne de Vries,sanne@example.org").expect("commas"), expected);
        assert_eq!(read(b"naam\te-mail\nSanne de Vries\tsanne@example.org").expect("tabs"), expected);
    }

    #[test]
    fn csv_in_windows_1252_and_with_a_byte_order_mark_is_read_right() {
        assert_eq!(read(b"naam\nAnn\xe9\n").expect("read"), table(&[&["naam"], &["Anné"]]));
        assert_eq!(read("\u{feff}naam\nAnné\n".as_bytes()).expect("read"), table(&[&["naam"], &["Anné"]]));
    }

    #[test]
    fn empty_rows_are_skipped_and_a_binary_file_is_unreadable() {
        let read_back = read(b"naam;e-mail\n\n;\nSanne;sanne@example.org\n").expect("read");
        assert_eq!(read_back, table(&[&["naam", "e-mail"], &["Sanne", "sanne@example.org"]]));
        assert_eq!(read(b"\0\0\0binary"), Err(ImportIssue::Unreadable));
        assert_eq!(read(b"PK\x03\x04not really a zip"), Err(ImportIssue::Unreadable));
    }

    #[test]
    fn what_is_written_reads_back_the_same_as_csv_and_as_xlsx() {
        let written = table(&[&["name", "phone"], &["Anné, \"Sanne\"", "0612345678"], &["Thomas", ""]]);
        assert_eq!(read(&write_csv(&written)).expect("csv"), written);
        let xlsx = write_xlsx(&written, "people").expect("xlsx");
        assert!(xlsx.starts_with(ZIP_MAGIC));
        assert_eq!(read(&xlsx).expect("xlsx read"), written);
    }

    #[test]
    fn a_date_typed_into_a_spreadsheet_reads_as_year_month_day() -> Result<(), rust_xlsxwriter::XlsxError> {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.write_string(0, 0, "start date")?;
        let dutch_date = rust_xlsxwriter::Format::new().set_num_format("d-m-yyyy");
        sheet.write_number_with_format(1, 0, 43_525.0, &dutch_date)?;
        let read_back = read(&workbook.save_to_buffer()?).expect("read");
        assert_eq!(read_back, table(&[&["start date"], &["2019-03-01"]]));
        Ok(())
    }
}
