//! A small PDF 1.4 writer for text documents: a title, headings, paragraphs,
//! bullet lists and tables on A4 pages, with a footer and page numbers. It
//! exists so the register of processing activities and the DPIA information
//! pack can be downloaded as PDF without a PDF dependency.
//!
//! It prints in the standard Helvetica fonts, which every PDF reader has, so
//! nothing is embedded; text is therefore limited to WinAnsi (CP1252), which
//! covers Dutch and English. Streams stay uncompressed: the files are small
//! and their text stays searchable in the bytes.

use std::mem;

/// A document to print: a title and blocks in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfDocument {
    pub title: String,
    /// Printed small at the foot of every page left, with "page n of N" (the
    /// words for "page {n} of {total}" come from `page_label`).
    pub footer: String,
    /// e.g. "Pagina {n} van {total}" — the writer replaces {n} and {total}.
    pub page_label: String,
    pub blocks: Vec<Block>,
}

/// One piece of a document. Line breaks inside the text are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Bold, 14 pt; never left alone at the foot of a page.
    Heading(String),
    /// 10 pt, wrapped to the text width.
    Paragraph(String),
    /// 10 pt, each item with a bullet and a hanging indent.
    Bullets(Vec<String>),
    /// 9 pt in equal columns with a bold header that repeats on every page
    /// the table reaches. A row moves to the next page whole, unless it is
    /// taller than a page.
    Table { header: Vec<String>, rows: Vec<Vec<String>> },
}

/// The PDF file's bytes.
pub fn render(document: &PdfDocument) -> Vec<u8> {
    let mut pages = lay_out(document);
    add_footers(&mut pages, document);
    assemble_file(&pages, &document.title)
}

// ---------------------------------------------------------------- geometry

const PAGE_WIDTH: f32 = 595.0;
const PAGE_HEIGHT: f32 = 842.0;
const MARGIN: f32 = 56.0;
const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
const CONTENT_TOP: f32 = PAGE_HEIGHT - MARGIN;
/// The footer sits on the bottom margin, so the body stops a little above it.
const FOOTER_BASELINE: f32 = MARGIN;
const CONTENT_BOTTOM: f32 = MARGIN + 20.0;

const TITLE_SIZE: f32 = 18.0;
const HEADING_SIZE: f32 = 14.0;
const BODY_SIZE: f32 = 10.0;
const TABLE_SIZE: f32 = 9.0;
const FOOTER_SIZE: f32 = 8.0;
/// Distance between baselines, as a multiple of the font size.
const LINE_SPACING: f32 = 1.3;

const BLOCK_GAP: f32 = 8.0;
/// Extra space above a heading, so it visibly starts a new section.
const HEADING_GAP: f32 = 6.0;
const ITEM_GAP: f32 = 2.0;
const BULLET_INDENT: f32 = 14.0;
const CELL_PADDING: f32 = 3.0;
/// Body lines a heading must have room for below it to stay on its page.
const HEADING_KEEP_LINES: f32 = 3.0;
/// Space kept free between the footer text and the page label.
const FOOTER_SEPARATION: f32 = 12.0;

const BULLET: u8 = 0x95;
const ELLIPSIS: u8 = 0x85;

fn leading(size: f32) -> f32 {
    size * LINE_SPACING
}

// ---------------------------------------------------------------- text

/// The text as WinAnsi (CP1252) bytes; a character outside it becomes '?'.
fn encode(text: &str) -> Vec<u8> {
    text.chars().map(winansi_byte).collect()
}

fn winansi_byte(character: char) -> u8 {
    match character {
        ' '..='~' | '\u{A0}'..='\u{FF}' => u8::try_from(character).unwrap_or(b'?'),
        '\t' | '\n' | '\r' => b' ',
        _ => CP1252_EXTRAS.iter().find(|(extra, _)| *extra == character).map_or(b'?', |&(_, byte)| byte),
    }
}

/// The characters CP1252 places in 0x80..=0x9F, where Latin-1 has controls.
#[rustfmt::skip]
const CP1252_EXTRAS: [(char, u8); 27] = [
    ('€', 0x80), ('‚', 0x82), ('ƒ', 0x83), ('„', 0x84), ('…', 0x85), ('†', 0x86), ('‡', 0x87),
    ('ˆ', 0x88), ('‰', 0x89), ('Š', 0x8A), ('‹', 0x8B), ('Œ', 0x8C), ('Ž', 0x8E), ('‘', 0x91),
    ('’', 0x92), ('“', 0x93), ('”', 0x94), ('•', 0x95), ('–', 0x96), ('—', 0x97), ('˜', 0x98),
    ('™', 0x99), ('š', 0x9A), ('›', 0x9B), ('œ', 0x9C), ('ž', 0x9E), ('Ÿ', 0x9F),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Font {
    Regular,
    Bold,
}

impl Font {
    /// The name content streams use; every page's resources define both.
    fn resource_name(self) -> &'static str {
        match self {
            Font::Regular => "F1",
            Font::Bold => "F2",
        }
    }

    fn base_font(self) -> &'static str {
        match self {
            Font::Regular => "Helvetica",
            Font::Bold => "Helvetica-Bold",
        }
    }

    /// Width in points of WinAnsi-encoded text at `size`.
    fn measure(self, text: &[u8], size: f32) -> f32 {
        let units: u32 = text.iter().map(|&byte| u32::from(self.glyph_width(byte))).sum();
        units as f32 * size / 1000.0
    }

    fn glyph_width(self, byte: u8) -> u16 {
        let widths = match self {
            Font::Regular => &HELVETICA_WIDTHS,
            Font::Bold => &HELVETICA_BOLD_WIDTHS,
        };
        usize::from(byte).checked_sub(32).and_then(|index| widths.get(index)).copied().unwrap_or(0)
    }
}

/// Encodes `text` and breaks it into lines no wider than `width`, keeping
/// the line breaks it already has.
fn wrap(text: &str, font: Font, size: f32, width: f32) -> Vec<Vec<u8>> {
    text.lines().flat_map(|line| wrap_line(&encode(line), font, size, width)).collect()
}

/// Breaks at spaces; inside a word only when the word alone is too wide.
fn wrap_line(text: &[u8], font: Font, size: f32, width: f32) -> Vec<Vec<u8>> {
    let space_width = font.measure(b" ", size);
    let mut lines = Vec::new();
    let mut line = Vec::new();
    let mut line_width = 0.0;
    for word in text.split(|&byte| byte == b' ').filter(|word| !word.is_empty()) {
        let word_width = font.measure(word, size);
        if !line.is_empty() && line_width + space_width + word_width <= width {
            line.push(b' ');
            line.extend_from_slice(word);
            line_width += space_width + word_width;
            continue;
        }
        if !line.is_empty() {
            lines.push(mem::take(&mut line));
            line_width = 0.0;
        }
        if word_width <= width {
            line.extend_from_slice(word);
            line_width = word_width;
            continue;
        }
        for &byte in word {
            let byte_width = font.measure(&[byte], size);
            if !line.is_empty() && line_width + byte_width > width {
                lines.push(mem::take(&mut line));
                line_width = 0.0;
            }
            line.push(byte);
            line_width += byte_width;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Shortens text with an ellipsis until it fits `width`.
fn fit_on_line(mut text: Vec<u8>, font: Font, size: f32, width: f32) -> Vec<u8> {
    let mut text_width = font.measure(&text, size);
    if text_width <= width {
        return text;
    }
    let ellipsis_width = font.measure(&[ELLIPSIS], size);
    while text_width + ellipsis_width > width {
        match text.pop() {
            Some(byte) => text_width -= font.measure(&[byte], size),
            None => break,
        }
    }
    text.push(ELLIPSIS);
    text
}

// ---------------------------------------------------------------- layout

/// Something drawn on a page; coordinates in points from the bottom left.
#[derive(Debug)]
enum Mark {
    Text { x: f32, baseline: f32, font: Font, size: f32, text: Vec<u8> },
    Rule { from_x: f32, to_x: f32, y: f32 },
}

impl Mark {
    fn footer(x: f32, text: Vec<u8>) -> Self {
        Mark::Text { x, baseline: FOOTER_BASELINE, font: Font::Regular, size: FOOTER_SIZE, text }
    }
}

type Page = Vec<Mark>;

/// Places lines from the top of the page down and starts a new page when
/// the next one would cross the bottom of the text area.
struct Layout {
    finished: Vec<Page>,
    current: Page,
    /// Top of the free space on the current page.
    y: f32,
}

impl Layout {
    fn new() -> Self {
        Self { finished: Vec::new(), current: Vec::new(), y: CONTENT_TOP }
    }

    fn at_page_top(&self) -> bool {
        self.current.is_empty()
    }

    fn fits(&self, height: f32) -> bool {
        self.y - height >= CONTENT_BOTTOM
    }

    fn new_page(&mut self) {
        self.finished.push(mem::take(&mut self.current));
        self.y = CONTENT_TOP;
    }

    /// Starts a new page unless `height` still fits. An empty page is kept:
    /// breaking there would not help.
    fn make_room(&mut self, height: f32) {
        if !self.fits(height) && !self.at_page_top() {
            self.new_page();
        }
    }

    /// Space between blocks; dropped at the top of a page.
    fn gap(&mut self, height: f32) {
        if !self.at_page_top() {
            self.y -= height;
        }
    }

    /// Draws a line of text and moves below it, on a new page if needed.
    fn line(&mut self, x: f32, font: Font, size: f32, text: Vec<u8>) {
        self.make_room(leading(size));
        self.text_at(x, font, size, text);
        self.y -= leading(size);
    }

    /// Draws text in the line starting at the current position, without moving.
    fn text_at(&mut self, x: f32, font: Font, size: f32, text: Vec<u8>) {
        if !text.is_empty() {
            self.current.push(Mark::Text { x, baseline: self.y - size, font, size, text });
        }
    }

    fn rule(&mut self) {
        self.current.push(Mark::Rule { from_x: MARGIN, to_x: PAGE_WIDTH - MARGIN, y: self.y });
    }

    fn finish(mut self) -> Vec<Page> {
        self.finished.push(self.current);
        self.finished
    }
}

fn lay_out(document: &PdfDocument) -> Vec<Page> {
    let mut layout = Layout::new();
    for line in wrap(&document.title, Font::Bold, TITLE_SIZE, TEXT_WIDTH) {
        layout.line(MARGIN, Font::Bold, TITLE_SIZE, line);
    }
    layout.gap(BLOCK_GAP);
    for block in &document.blocks {
        match block {
            Block::Heading(text) => place_heading(&mut layout, text),
            Block::Paragraph(text) => place_paragraph(&mut layout, text),
            Block::Bullets(items) => place_bullets(&mut layout, items),
            Block::Table { header, rows } => place_table(&mut layout, header, rows),
        }
    }
    layout.finish()
}

fn place_heading(layout: &mut Layout, text: &str) {
    layout.gap(HEADING_GAP);
    let lines = wrap(text, Font::Bold, HEADING_SIZE, TEXT_WIDTH);
    let keep_with_next = HEADING_KEEP_LINES * leading(BODY_SIZE);
    layout.make_room(lines.len() as f32 * leading(HEADING_SIZE) + keep_with_next);
    for line in lines {
        layout.line(MARGIN, Font::Bold, HEADING_SIZE, line);
    }
    layout.gap(ITEM_GAP);
}

fn place_paragraph(layout: &mut Layout, text: &str) {
    for line in wrap(text, Font::Regular, BODY_SIZE, TEXT_WIDTH) {
        layout.line(MARGIN, Font::Regular, BODY_SIZE, line);
    }
    layout.gap(BLOCK_GAP);
}

fn place_bullets(layout: &mut Layout, items: &[String]) {
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            layout.gap(ITEM_GAP);
        }
        let lines = wrap(item, Font::Regular, BODY_SIZE, TEXT_WIDTH - BULLET_INDENT);
        for (number, line) in lines.into_iter().enumerate() {
            layout.make_room(leading(BODY_SIZE));
            if number == 0 {
                layout.text_at(MARGIN + 2.0, Font::Regular, BODY_SIZE, vec![BULLET]);
            }
            layout.line(MARGIN + BULLET_INDENT, Font::Regular, BODY_SIZE, line);
        }
    }
    layout.gap(BLOCK_GAP);
}

/// A table row with each cell's text already wrapped to its column.
struct WrappedRow {
    cells: Vec<Vec<Vec<u8>>>,
    font: Font,
}

impl WrappedRow {
    fn new(cells: &[String], font: Font, width: f32) -> Self {
        let cells = cells.iter().map(|cell| wrap(cell, font, TABLE_SIZE, width)).collect();
        Self { cells, font }
    }

    fn line_count(&self) -> usize {
        self.cells.iter().map(Vec::len).max().unwrap_or(0).max(1)
    }

    fn height(&self) -> f32 {
        self.line_count() as f32 * leading(TABLE_SIZE) + 2.0 * CELL_PADDING
    }
}

fn place_table(layout: &mut Layout, header: &[String], rows: &[Vec<String>]) {
    let columns = rows.iter().map(Vec::len).chain([header.len()]).max().unwrap_or(0);
    if columns == 0 {
        return;
    }
    let column_width = TEXT_WIDTH / columns as f32;
    let cell_width = column_width - 2.0 * CELL_PADDING;
    let header = WrappedRow::new(header, Font::Bold, cell_width);
    let rows: Vec<WrappedRow> =
        rows.iter().map(|row| WrappedRow::new(row, Font::Regular, cell_width)).collect();

    let first_row_height = rows.first().map_or(0.0, WrappedRow::height);
    layout.make_room(header.height() + first_row_height);
    place_table_header(layout, &header, column_width);
    let mut first_on_page = true;
    for row in &rows {
        if !first_on_page && !layout.fits(row.height()) {
            layout.new_page();
            place_table_header(layout, &header, column_width);
            first_on_page = true;
        }
        if !first_on_page {
            layout.rule();
        }
        place_table_row(layout, row, &header, column_width);
        first_on_page = false;
    }
    layout.gap(BLOCK_GAP);
}

fn place_table_header(layout: &mut Layout, header: &WrappedRow, column_width: f32) {
    layout.y -= CELL_PADDING;
    for index in 0..header.line_count() {
        place_cell_lines(layout, header, index, column_width);
        layout.y -= leading(TABLE_SIZE);
    }
    layout.y -= CELL_PADDING;
    layout.rule();
}

/// Draws a row line by line; only a row taller than a page ever needs the
/// page break inside, and it continues under a repeated header.
fn place_table_row(layout: &mut Layout, row: &WrappedRow, header: &WrappedRow, column_width: f32) {
    layout.y -= CELL_PADDING;
    for index in 0..row.line_count() {
        if !layout.fits(leading(TABLE_SIZE)) {
            layout.new_page();
            place_table_header(layout, header, column_width);
            layout.y -= CELL_PADDING;
        }
        place_cell_lines(layout, row, index, column_width);
        layout.y -= leading(TABLE_SIZE);
    }
    layout.y -= CELL_PADDING;
}

/// Draws line `index` of every cell in the row that has one.
fn place_cell_lines(layout: &mut Layout, row: &WrappedRow, index: usize, column_width: f32) {
    for (column, cell) in row.cells.iter().enumerate() {
        if let Some(line) = cell.get(index) {
            let x = MARGIN + column as f32 * column_width + CELL_PADDING;
            layout.text_at(x, row.font, TABLE_SIZE, line.clone());
        }
    }
}

/// The footer text on the left and the page label on the right of every page.
fn add_footers(pages: &mut [Page], document: &PdfDocument) {
    let total = pages.len();
    let footer = encode(&document.footer);
    for (index, page) in pages.iter_mut().enumerate() {
        let label = encode(&page_label(&document.page_label, index + 1, total));
        let label_width = Font::Regular.measure(&label, FOOTER_SIZE);
        let footer_width = TEXT_WIDTH - label_width - FOOTER_SEPARATION;
        let text = fit_on_line(footer.clone(), Font::Regular, FOOTER_SIZE, footer_width);
        for (x, text) in [(MARGIN, text), (PAGE_WIDTH - MARGIN - label_width, label)] {
            if !text.is_empty() {
                page.push(Mark::footer(x, text));
            }
        }
    }
}

fn page_label(template: &str, number: usize, total: usize) -> String {
    template.replace("{n}", &number.to_string()).replace("{total}", &total.to_string())
}

// ---------------------------------------------------------------- file

/// Object numbers: the fixed objects first, then per page its page object
/// and content stream. `assemble_file` adds them in exactly this order.
const CATALOG: usize = 1;
const PAGES: usize = 2;
const REGULAR_FONT: usize = 3;
const BOLD_FONT: usize = 4;
const INFO: usize = 5;

fn page_object(index: usize) -> usize {
    INFO + 1 + 2 * index
}

fn content_object(index: usize) -> usize {
    page_object(index) + 1
}

fn assemble_file(pages: &[Page], title: &str) -> Vec<u8> {
    let mut file = ObjectWriter::new();
    file.add(format!("<< /Type /Catalog /Pages {PAGES} 0 R >>").as_bytes());
    let kids: Vec<String> = (0..pages.len()).map(|index| format!("{} 0 R", page_object(index))).collect();
    file.add(format!("<< /Type /Pages /Kids [{}] /Count {} >>", kids.join(" "), pages.len()).as_bytes());
    for font in [Font::Regular, Font::Bold] {
        let base_font = font.base_font();
        file.add(
            format!("<< /Type /Font /Subtype /Type1 /BaseFont /{base_font} /Encoding /WinAnsiEncoding >>")
                .as_bytes(),
        );
    }
    file.add(format!("<< /Title {} /Producer (Koers) >>", text_string(title)).as_bytes());
    for (index, page) in pages.iter().enumerate() {
        file.add(page_dictionary(index).as_bytes());
        file.add(&stream_object(&content_stream(page)));
    }
    file.finish()
}

fn page_dictionary(index: usize) -> String {
    format!(
        "<< /Type /Page /Parent {PAGES} 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] \
         /Resources << /Font << /F1 {REGULAR_FONT} 0 R /F2 {BOLD_FONT} 0 R >> >> /Contents {} 0 R >>",
        content_object(index)
    )
}

fn content_stream(page: &[Mark]) -> Vec<u8> {
    // Thin grey strokes for the table rules.
    let mut stream = b"0.5 w 0.6 G\n".to_vec();
    for mark in page {
        match mark {
            Mark::Text { x, baseline, font, size, text } => {
                let font = font.resource_name();
                let start = format!("BT /{font} {size} Tf {x:.2} {baseline:.2} Td (");
                stream.extend_from_slice(start.as_bytes());
                stream.extend_from_slice(&escape_string(text));
                stream.extend_from_slice(b") Tj ET\n");
            }
            Mark::Rule { from_x, to_x, y } => {
                stream.extend_from_slice(format!("{from_x:.2} {y:.2} m {to_x:.2} {y:.2} l S\n").as_bytes());
            }
        }
    }
    stream
}

/// Escapes the bytes that would end or disturb a literal string `( … )`.
fn escape_string(text: &[u8]) -> Vec<u8> {
    let mut escaped = Vec::with_capacity(text.len());
    for &byte in text {
        if matches!(byte, b'\\' | b'(' | b')') {
            escaped.push(b'\\');
        }
        escaped.push(byte);
    }
    escaped
}

fn stream_object(content: &[u8]) -> Vec<u8> {
    let mut object = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    object.extend_from_slice(content);
    object.extend_from_slice(b"\nendstream");
    object
}

/// A text string in UTF-16BE with a byte-order mark, so any title survives
/// in the document properties, even outside WinAnsi.
fn text_string(text: &str) -> String {
    let mut hex = String::from("<FEFF");
    for unit in text.encode_utf16() {
        hex.push_str(&format!("{unit:04X}"));
    }
    hex.push('>');
    hex
}

/// Writes numbered objects and remembers where each starts, for the
/// cross-reference table. Objects are numbered in the order they are added.
struct ObjectWriter {
    bytes: Vec<u8>,
    offsets: Vec<usize>,
}

impl ObjectWriter {
    fn new() -> Self {
        // The comment line of high bytes marks the file as binary for transfer tools.
        Self { bytes: b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec(), offsets: Vec::new() }
    }

    fn add(&mut self, body: &[u8]) {
        self.offsets.push(self.bytes.len());
        let number = self.offsets.len();
        self.bytes.extend_from_slice(format!("{number} 0 obj\n").as_bytes());
        self.bytes.extend_from_slice(body);
        self.bytes.extend_from_slice(b"\nendobj\n");
    }

    /// Appends the cross-reference table (20 bytes an entry) and the trailer.
    fn finish(mut self) -> Vec<u8> {
        let xref_offset = self.bytes.len();
        let size = self.offsets.len() + 1;
        let mut tail = format!("xref\n0 {size}\n0000000000 65535 f \n");
        for offset in &self.offsets {
            tail.push_str(&format!("{offset:010} 00000 n \n"));
        }
        tail.push_str(&format!(
            "trailer\n<< /Size {size} /Root {CATALOG} 0 R /Info {INFO} 0 R >>\nstartxref\n{xref_offset}\n%%EOF\n"
        ));
        self.bytes.extend_from_slice(tail.as_bytes());
        self.bytes
    }
}

// ---------------------------------------------------------------- widths

/// Helvetica glyph widths from Adobe's AFM, in 1/1000 em, for the WinAnsi
/// codes 32..=255. The codes WinAnsi leaves unassigned carry the bullet's width.
#[rustfmt::skip]
const HELVETICA_WIDTHS: [u16; 224] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // 0x20
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0x30
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // 0x40
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // 0x50
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // 0x60
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 350, // 0x70
    556, 350, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 350, 611, 350, // 0x80
    350, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 350, 500, 667, // 0x90
    278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333, // 0xA0
    400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611, // 0xB0
    667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 0xC0
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 0xD0
    556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, // 0xE0
    556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500, // 0xF0
];

/// Helvetica-Bold glyph widths, laid out as `HELVETICA_WIDTHS`.
#[rustfmt::skip]
const HELVETICA_BOLD_WIDTHS: [u16; 224] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, // 0x20
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, // 0x30
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, // 0x40
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, // 0x50
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, // 0x60
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 350, // 0x70
    556, 350, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 350, 611, 350, // 0x80
    350, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 350, 500, 667, // 0x90
    278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333, // 0xA0
    400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611, // 0xB0
    722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 0xC0
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 0xD0
    556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, // 0xE0
    611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556, // 0xF0
];

#[cfg(test)]
mod tests {
    use super::*;

    fn document(blocks: Vec<Block>) -> PdfDocument {
        PdfDocument {
            title: "Register van verwerkingsactiviteiten".into(),
            footer: "Koers – vertrouwelijk".into(),
            page_label: "{n} van {total}".into(),
            blocks,
        }
    }

    fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
        haystack.windows(needle.len()).position(|window| window == needle)
    }

    fn occurrences(haystack: &[u8], needle: &[u8]) -> usize {
        haystack.windows(needle.len()).filter(|window| *window == needle).count()
    }

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        occurrences(haystack, needle) > 0
    }

    /// The number written right after the first `marker`.
    fn number_after(bytes: &[u8], marker: &[u8]) -> usize {
        let start = find(bytes, marker).expect("marker present") + marker.len();
        let digits = bytes[start..].iter().take_while(|byte| byte.is_ascii_digit());
        digits.map(|&byte| char::from(byte)).collect::<String>().parse().expect("a number")
    }

    fn page_count(pdf: &[u8]) -> usize {
        number_after(pdf, b"/Count ")
    }

    fn long_document(paragraphs: usize) -> PdfDocument {
        let text = "Bij iedere verwerking van persoonsgegevens leggen we vast waarom, op welke grondslag en hoe lang.";
        document((0..paragraphs).map(|_| Block::Paragraph(text.into())).collect())
    }

    #[test]
    fn the_file_starts_with_the_version_and_ends_with_the_end_marker() {
        let pdf = render(&document(vec![Block::Paragraph("Inleiding".into())]));
        assert!(pdf.starts_with(b"%PDF-1.4\n"));
        assert!(pdf.ends_with(b"%%EOF\n"));
    }

    #[test]
    fn every_cross_reference_entry_points_at_the_object_it_names() {
        let pdf = render(&long_document(120));
        let table = &pdf[number_after(&pdf, b"startxref\n")..];
        assert!(table.starts_with(b"xref\n0 "));
        let size = number_after(table, b"xref\n0 ");
        let entries = &table[format!("xref\n0 {size}\n").len()..];
        assert_eq!(&entries[..20], b"0000000000 65535 f \n");
        for number in 1..size {
            let entry = &entries[20 * number..20 * (number + 1)];
            assert!(entry.ends_with(b" 00000 n \n"), "entry {number} is 20 bytes");
            let offset: usize = std::str::from_utf8(&entry[..10]).expect("ascii").parse().expect("an offset");
            assert!(pdf[offset..].starts_with(format!("{number} 0 obj\n").as_bytes()), "object {number}");
        }
        assert!(entries[20 * size..].starts_with(b"trailer\n"));
    }

    #[test]
    fn every_stream_length_is_the_length_of_its_content() {
        let pdf = render(&long_document(120));
        let mut rest = &pdf[..];
        let mut streams = 0;
        while let Some(start) = find(rest, b"/Length ") {
            let length = number_after(&rest[start..], b"/Length ");
            let content = start + find(&rest[start..], b"stream\n").expect("stream") + b"stream\n".len();
            assert!(rest[content + length..].starts_with(b"\nendstream"));
            rest = &rest[content + length..];
            streams += 1;
        }
        assert_eq!(streams, page_count(&pdf));
    }

    #[test]
    fn text_is_written_in_winansi_and_unknown_characters_become_question_marks() {
        let pdf = render(&document(vec![Block::Paragraph("De verwerking van ideeën – ‘snel’ 😀".into())]));
        assert!(contains(&pdf, b"verwerking"));
        assert!(contains(&pdf, b"(De verwerking van idee\xEBn \x96 \x91snel\x92 ?) Tj"));
    }

    #[test]
    fn every_cp1252_extra_has_its_own_byte() {
        let extras = encode("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
        let expected: Vec<u8> =
            (0x80..=0x9F).filter(|byte| ![0x81, 0x8D, 0x8F, 0x90, 0x9D].contains(byte)).collect();
        assert_eq!(extras, expected);
    }

    #[test]
    fn the_title_is_stored_as_utf16_so_any_character_survives() {
        let pdf = render(&PdfDocument { title: "Ré 😀".into(), ..document(Vec::new()) });
        assert!(contains(&pdf, b"/Title <FEFF005200E90020D83DDE00>"));
    }

    #[test]
    fn long_text_continues_on_numbered_pages() {
        let pdf = render(&long_document(300));
        let pages = page_count(&pdf);
        assert!(pages > 1);
        assert_eq!(occurrences(&pdf, b"/Type /Page "), pages);
        assert!(contains(&pdf, format!("(1 van {pages})").as_bytes()));
        assert!(contains(&pdf, format!("({pages} van {pages})").as_bytes()));
        assert_eq!(occurrences(&pdf, b"(Koers \x96 vertrouwelijk) Tj"), pages);
    }

    #[test]
    fn wrapped_lines_fit_the_width_and_a_long_word_is_broken() {
        let text = format!("kort {} kort", "x".repeat(200));
        let lines = wrap(&text, Font::Regular, BODY_SIZE, 100.0);
        assert!(lines.len() > 3);
        assert!(lines.iter().all(|line| Font::Regular.measure(line, BODY_SIZE) <= 100.0));
        assert_eq!(lines.concat().iter().filter(|&&byte| byte == b'x').count(), 200);
        assert_eq!(lines.first().map(Vec::as_slice), Some(&b"kort"[..]));
    }

    #[test]
    fn a_long_table_repeats_its_header_on_every_page() {
        let rows = (1..=120).map(|number| {
            vec![format!("Activiteit {number}"), "Salarisadministratie".into(), "Contract".into()]
        });
        let table = Block::Table {
            header: vec!["Verwerking".into(), "Doel".into(), "Grondslag".into()],
            rows: rows.collect(),
        };
        let pdf = render(&document(vec![table]));
        let pages = page_count(&pdf);
        assert!(pages >= 2);
        assert_eq!(occurrences(&pdf, b"(Verwerking) Tj"), pages);
        assert!(contains(&pdf, b"(Activiteit 120) Tj"));
    }

    #[test]
    fn a_row_taller_than_a_page_continues_on_the_next() {
        let tall_cell = (1..=150).map(|line| format!("regel {line}")).collect::<Vec<_>>().join("\n");
        let table = Block::Table { header: vec!["Kop".into()], rows: vec![vec![tall_cell]] };
        let pdf = render(&document(vec![table]));
        assert!(page_count(&pdf) >= 2);
        assert!(contains(&pdf, b"(regel 150) Tj"));
    }

    #[test]
    fn brackets_and_backslashes_are_escaped() {
        let pdf = render(&document(vec![Block::Paragraph(r"Artikel 6(1)(a) AVG \ bijlage".into())]));
        assert!(contains(&pdf, br"(Artikel 6\(1\)\(a\) AVG \\ bijlage) Tj"));
    }
}
