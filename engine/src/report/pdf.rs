//! A report as a PDF file: the same tables the screens list and the CSV
//! holds, written for the reader (their language's numbers, money, dates and
//! words), under the shop's name, what the report covers and when it was
//! made, with page numbers. One generator for the app and the command line.
//!
//! The text is real text (selectable, searchable) in DejaVu Sans, embedded
//! and subset by krilla, so Polish and Cyrillic print on any machine.
//! Columns are as wide as their words where the page allows; where it does
//! not, words wrap inside their column (numbers never do) and, as a last
//! resort, the table's type gets smaller.

use chrono::{DateTime, Datelike, Offset, Timelike};
use chrono_tz::Tz;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime as PdfDateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use krilla::Document;

use super::table::{Cell, Table};
use crate::i18n::Catalogue;
use crate::ledger::Message;
use crate::money::{written, Currency, Money};

/// The regular and bold faces every report is set in.
const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// A4 in points, the paper a café's printer holds outside North America;
/// Letter is 4 % wider and shorter, and prints an A4 page scaled to fit.
const PAGE_WIDTH: f32 = 595.28;
const PAGE_HEIGHT: f32 = 841.89;
const MARGIN: f32 = 48.0;
/// The footer's baseline above the page's bottom edge.
const FOOTER: f32 = 28.0;
/// Where the body ends: above the footer, with room to breathe.
const BODY_BOTTOM: f32 = PAGE_HEIGHT - MARGIN;
const BODY_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;

/// A table's type, and the smallest it may shrink to before words break
/// inside themselves.
const CELL_SIZE: f32 = 8.5;
const SMALLEST_CELL_SIZE: f32 = 6.0;
/// Space inside a cell, left and right, and above and below its lines.
const CELL_PAD_X: f32 = 4.0;
const CELL_PAD_Y: f32 = 2.5;
/// A line's height as a multiple of its type's size.
const LEADING: f32 = 1.25;
/// DejaVu's ascender (1901/2048 of the em), to set a line's baseline from its top.
const ASCENT: f32 = 0.93;

const INK: (u8, u8, u8) = (0x1a, 0x1a, 0x1a);
/// Quieter text (the footer, when it was made): 7.5:1 on white.
const MUTED: (u8, u8, u8) = (0x55, 0x55, 0x55);
/// A table a manager should look at (unusual activity): 8:1 on white.
const ATTENTION: (u8, u8, u8) = (0x9a, 0x1b, 0x1b);
const RULE: (u8, u8, u8) = (0xc8, 0xc8, 0xc8);
const HEADER_BAND: (u8, u8, u8) = (0xec, 0xec, 0xec);

/// What a report's PDF holds.
pub struct Sheet<'a> {
    /// The shop's name, at the top of the first page and in every footer.
    pub shop: &'a str,
    /// The report and what it covers (`Daily close · 5 Dec 2026`).
    pub title: Message,
    /// Lines under the title: how fresh it is, what it compares with, what
    /// its values are (estimates).
    pub lines: Vec<Message>,
    /// When it was made, in the location's time.
    pub made: DateTime<Tz>,
    /// The report's currency, for its money cells.
    pub currency: Currency,
    /// Its tables, in the order the screen shows them.
    pub tables: &'a [Table],
}

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The embedded font did not load (a build that lost its font file).
    #[error("the PDF's font cannot be read")]
    Font,
    /// krilla refused to write the document.
    #[error("cannot write the PDF: {0}")]
    Write(String),
}

/// One face, for drawing (krilla) and for measuring (rustybuzz, which
/// krilla shapes with, so a measured width is the drawn width).
struct Face {
    font: Font,
    shaper: rustybuzz::Face<'static>,
    /// Widths already measured, in ems: a report repeats its words (dates,
    /// "no", amounts), and a width scales with the size, so each text is
    /// shaped once whatever size it is tried at.
    widths: std::cell::RefCell<std::collections::HashMap<String, f32>>,
}

impl Face {
    fn load(bytes: &'static [u8]) -> Result<Face, PdfError> {
        Ok(Face {
            font: Font::new(bytes.into(), 0).ok_or(PdfError::Font)?,
            shaper: rustybuzz::Face::from_slice(bytes, 0).ok_or(PdfError::Font)?,
            widths: Default::default(),
        })
    }

    /// How wide `text` is at `size` points.
    fn width(&self, text: &str, size: f32) -> f32 {
        if text.is_empty() {
            return 0.0;
        }
        if let Some(ems) = self.widths.borrow().get(text) {
            return ems * size;
        }
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        let shaped = rustybuzz::shape(&self.shaper, &[], buffer);
        let units: i64 = shaped
            .glyph_positions()
            .iter()
            .map(|p| i64::from(p.x_advance))
            .sum();
        let ems = units as f32 / f32::from(self.shaper.units_per_em() as u16);
        self.widths.borrow_mut().insert(text.to_string(), ems);
        ems * size
    }

    /// `text` broken into lines no wider than `width` at `size`: at spaces,
    /// and inside a word only where the word alone is wider. A line's width
    /// is its words' and spaces' (kerning across a space is nil in DejaVu),
    /// so each word is shaped once.
    fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let space = self.width(" ", size);
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            let mut taken = 0.0;
            for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
                let wide = self.width(word, size);
                let tried = if line.is_empty() {
                    wide
                } else {
                    taken + space + wide
                };
                if tried <= width {
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    line.push_str(word);
                    taken = tried;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                if wide <= width {
                    line.push_str(word);
                    taken = wide;
                    continue;
                }
                for piece in self.break_word(word, size, width) {
                    if !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                    }
                    taken = self.width(&piece, size);
                    line = piece;
                }
            }
            lines.push(line);
        }
        lines
    }

    /// A word wider than `width` in pieces that each fit (a piece is at
    /// least one character, however narrow the column).
    fn break_word(&self, word: &str, size: f32, width: f32) -> Vec<String> {
        let mut pieces = Vec::new();
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if piece.chars().count() > 1 && self.width(&piece, size) > width {
                piece.pop();
                pieces.push(std::mem::take(&mut piece));
                piece.push(c);
            }
        }
        pieces.push(piece);
        pieces
    }
}

/// One thing drawn on a page.
enum Mark {
    Text {
        x: f32,
        /// The top of the line.
        y: f32,
        size: f32,
        bold: bool,
        colour: (u8, u8, u8),
        text: String,
    },
    Rule {
        x: f32,
        y: f32,
        width: f32,
    },
    Band {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
    },
}

/// The pages as they are laid out, before they are drawn (the footer needs
/// their number).
struct Layout<'f> {
    regular: &'f Face,
    bold: &'f Face,
    pages: Vec<Vec<Mark>>,
    /// Where the next thing goes on the last page.
    y: f32,
}

impl<'f> Layout<'f> {
    fn new(regular: &'f Face, bold: &'f Face) -> Layout<'f> {
        Layout {
            regular,
            bold,
            pages: vec![Vec::new()],
            y: MARGIN,
        }
    }

    fn face(&self, bold: bool) -> &'f Face {
        if bold {
            self.bold
        } else {
            self.regular
        }
    }

    fn mark(&mut self, mark: Mark) {
        if let Some(page) = self.pages.last_mut() {
            page.push(mark);
        }
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// Starts a new page unless `height` more fits on this one.
    fn room_for(&mut self, height: f32) {
        if self.y + height > BODY_BOTTOM && self.y > MARGIN {
            self.new_page();
        }
    }

    /// A paragraph across the page's width.
    fn paragraph(&mut self, text: &str, size: f32, bold: bool, colour: (u8, u8, u8)) {
        let lines = self.face(bold).wrap(text, size, BODY_WIDTH);
        for line in lines {
            self.room_for(size * LEADING);
            self.mark(Mark::Text {
                x: MARGIN,
                y: self.y,
                size,
                bold,
                colour,
                text: line,
            });
            self.y += size * LEADING;
        }
    }

    /// A table under its title; its heading row is repeated on each page it
    /// runs onto.
    fn table(&mut self, title: &str, table: &Table, texts: &TableText, empty: &str) {
        let colour = if table.attention { ATTENTION } else { INK };
        // A title is kept with its heading and first row.
        let (size, widths) = self.columns(texts);
        let heading = self.cells(&texts.headings, &widths, size, true);
        let first = texts
            .rows
            .first()
            .map(|r| self.cells(r, &widths, size, false));
        let opening = 11.0 * LEADING
            + 4.0
            + row_height(&heading, size)
            + first.as_ref().map_or(0.0, |r| row_height(r, size));
        self.y += 10.0;
        self.room_for(opening);
        self.paragraph(title, 11.0, true, colour);
        self.y += 4.0;
        if texts.rows.is_empty() {
            self.paragraph(empty, CELL_SIZE, false, MUTED);
            return;
        }
        self.row(&heading, &widths, &texts.numeric, size, true);
        for row in &texts.rows {
            let lines = self.cells(row, &widths, size, false);
            if self.y + row_height(&lines, size) > BODY_BOTTOM {
                self.new_page();
                self.row(&heading, &widths, &texts.numeric, size, true);
            }
            self.row(&lines, &widths, &texts.numeric, size, false);
        }
    }

    /// Each cell's lines in its column.
    fn cells(&self, cells: &[String], widths: &[f32], size: f32, bold: bool) -> Vec<Vec<String>> {
        cells
            .iter()
            .zip(widths)
            .map(|(text, width)| {
                self.face(bold)
                    .wrap(text, size, (width - 2.0 * CELL_PAD_X).max(1.0))
            })
            .collect()
    }

    fn row(
        &mut self,
        cells: &[Vec<String>],
        widths: &[f32],
        numeric: &[bool],
        size: f32,
        heading: bool,
    ) {
        let height = row_height(cells, size);
        let width: f32 = widths.iter().sum();
        if heading {
            self.mark(Mark::Band {
                x: MARGIN,
                y: self.y,
                width,
                height,
            });
        }
        let mut x = MARGIN;
        for ((lines, column), right) in cells.iter().zip(widths).zip(numeric) {
            let mut top = self.y + CELL_PAD_Y;
            for line in lines {
                let drawn = self.face(heading).width(line, size);
                let at = if *right {
                    x + column - CELL_PAD_X - drawn
                } else {
                    x + CELL_PAD_X
                };
                self.mark(Mark::Text {
                    x: at,
                    y: top,
                    size,
                    bold: heading,
                    colour: INK,
                    text: line.clone(),
                });
                top += size * LEADING;
            }
            x += column;
        }
        self.y += height;
        self.mark(Mark::Rule {
            x: MARGIN,
            y: self.y,
            width,
        });
    }

    /// The type size a table is set in and its columns' widths: each as
    /// wide as its widest cell if the page holds them all; otherwise each
    /// at least its longest word (a number is one word) and the rest of the
    /// page shared by how much more each would take; the type shrinks only
    /// when even the longest words do not fit.
    fn columns(&self, texts: &TableText) -> (f32, Vec<f32>) {
        let mut size = CELL_SIZE;
        loop {
            let (natural, least) = self.measure(texts, size);
            let total: f32 = natural.iter().sum();
            if total <= BODY_WIDTH {
                return (size, natural);
            }
            let floor: f32 = least.iter().sum();
            if floor <= BODY_WIDTH || size <= SMALLEST_CELL_SIZE {
                let spare = (BODY_WIDTH - floor).max(0.0);
                let wanted = (total - floor).max(f32::EPSILON);
                let widths = natural
                    .iter()
                    .zip(&least)
                    .map(|(n, l)| {
                        if floor > BODY_WIDTH {
                            // Narrower than its words: they break inside.
                            l * BODY_WIDTH / floor
                        } else {
                            l + (n - l) * spare / wanted
                        }
                    })
                    .collect();
                return (size, widths);
            }
            // At least a quarter point smaller each round, never below the smallest.
            size = (size * BODY_WIDTH / floor)
                .min(size - 0.25)
                .max(SMALLEST_CELL_SIZE);
        }
    }

    /// Each column's widest cell and longest unbreakable word, padding included.
    fn measure(&self, texts: &TableText, size: f32) -> (Vec<f32>, Vec<f32>) {
        let columns = texts.headings.len();
        let mut natural = vec![0.0_f32; columns];
        let mut least = vec![0.0_f32; columns];
        let headings = vec![false; columns];
        let all = std::iter::once((&texts.headings, &headings, true)).chain(
            texts
                .rows
                .iter()
                .zip(&texts.whole)
                .map(|(r, w)| (r, w, false)),
        );
        for (cells, unbroken, bold) in all {
            for (i, text) in cells.iter().enumerate().take(columns) {
                let face = self.face(bold);
                let whole = text
                    .split('\n')
                    .map(|l| face.width(l, size))
                    .fold(0.0, f32::max);
                let word = if unbroken.get(i).copied().unwrap_or(false) {
                    whole
                } else {
                    text.split([' ', '\n'])
                        .map(|w| face.width(w, size))
                        .fold(0.0, f32::max)
                };
                natural[i] = natural[i].max(whole + 2.0 * CELL_PAD_X);
                least[i] = least[i].max(word + 2.0 * CELL_PAD_X);
            }
        }
        (natural, least)
    }
}

fn row_height(cells: &[Vec<String>], size: f32) -> f32 {
    let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
    lines as f32 * size * LEADING + 2.0 * CELL_PAD_Y
}

/// A table's words as the reader reads them.
struct TableText {
    headings: Vec<String>,
    rows: Vec<Vec<String>>,
    /// Which columns hold numbers (right-aligned, a `—` or a total's blank among them).
    numeric: Vec<bool>,
    /// Which cells are numbers, dates or times: never broken (`5 Oct 2026` on one line).
    whole: Vec<Vec<bool>>,
}

impl TableText {
    fn of(table: &Table, currency: Currency, catalogue: &Catalogue) -> TableText {
        let headings: Vec<String> = table
            .columns
            .iter()
            .map(|c| words(catalogue, &format!("report-column-{c}")))
            .collect();
        let numeric = (0..headings.len())
            .map(|i| {
                let column = || table.rows.iter().filter_map(|r| r.get(i));
                column().any(is_number)
                    && column().all(|c| {
                        is_number(c)
                            || matches!(c, Cell::Label(_))
                            || matches!(c, Cell::Text(t) if t.is_empty())
                    })
            })
            .collect();
        let whole = table
            .rows
            .iter()
            .map(|row| row.iter().map(|c| is_number(c) || is_moment(c)).collect())
            .collect();
        let rows = table
            .rows
            .iter()
            .map(|row| {
                let mut cells: Vec<String> = row
                    .iter()
                    .map(|c| cell_text(c, currency, catalogue))
                    .collect();
                cells.resize(headings.len(), String::new());
                cells
            })
            .collect();
        TableText {
            headings,
            rows,
            numeric,
            whole,
        }
    }
}

fn words(catalogue: &Catalogue, id: &str) -> String {
    catalogue.render(&Message::new(id))
}

/// Numbers stand right-aligned, so their digits line up (as on the screen).
fn is_number(cell: &Cell) -> bool {
    matches!(
        cell,
        Cell::Count(_) | Cell::Money(_) | Cell::Fraction(_) | Cell::Decimal(_)
    )
}

/// Dates and times read as one word.
fn is_moment(cell: &Cell) -> bool {
    matches!(cell, Cell::Date(_) | Cell::Time(_) | Cell::Hour(_))
}

/// A cell as the reader reads it, the way the screens write it
/// (`ui/src/lib/reportTable.ts`): `1 234`, `4,50 zł`, `43,2 %`, `5.12.2026`.
/// A value that is not what its kind says is written as it came.
pub fn cell_text(cell: &Cell, currency: Currency, catalogue: &Catalogue) -> String {
    let language = catalogue.language();
    let number = |text: &str| text.trim().parse::<f64>().ok().filter(|x| x.is_finite());
    match cell {
        Cell::Count(n) => written::number(language, *n as f64, 0),
        Cell::Money(m) => Money::parse(m, currency)
            .map_or_else(|_| m.clone(), |money| written::money(language, money)),
        // At most one decimal, none when it is whole: `43.2%`, `50%`.
        Cell::Fraction(f) => number(f).map_or_else(
            || f.clone(),
            |x| {
                let tenths = (x * 1000.0).round();
                written::percent(language, x, if tenths % 10.0 == 0.0 { 0 } else { 1 })
            },
        ),
        Cell::Decimal(d) => {
            number(d).map_or_else(|| d.clone(), |x| written::number(language, x, 2))
        }
        Cell::Date(d) => chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map_or_else(|_| d.clone(), |date| catalogue.date_text(date)),
        Cell::Hour(h) => format!("{h:02}:00"),
        Cell::Time(t) | Cell::Text(t) => t.clone(),
        Cell::Label(id) => words(catalogue, id),
        Cell::Name(name) => name.in_language(language).to_string(),
    }
}

/// The report as a PDF, in `catalogue`'s language.
pub fn to_pdf(sheet: &Sheet, catalogue: &Catalogue) -> Result<Vec<u8>, PdfError> {
    let regular = Face::load(REGULAR)?;
    let bold = Face::load(BOLD)?;
    let title = catalogue.render(&sheet.title);
    let made = catalogue.render(
        &Message::new("report-pdf-made")
            .date("day", sheet.made.date_naive())
            .text("time", sheet.made.format("%H:%M").to_string()),
    );

    let mut layout = Layout::new(&regular, &bold);
    layout.paragraph(sheet.shop, 16.0, true, INK);
    layout.y += 2.0;
    layout.paragraph(&title, 13.0, true, INK);
    layout.y += 2.0;
    for line in &sheet.lines {
        layout.paragraph(&catalogue.render(line), 9.5, false, INK);
    }
    layout.paragraph(&made, 9.5, false, MUTED);
    let empty = words(catalogue, "report-pdf-empty");
    for table in sheet.tables {
        let texts = TableText::of(table, sheet.currency, catalogue);
        let heading = words(catalogue, &format!("report-table-{}", table.id));
        layout.table(&heading, table, &texts, &empty);
    }

    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(format!("{} · {title}", sheet.shop))
            .language(catalogue.language().tag().to_string())
            .creator("Counterpart".to_string())
            .creation_date(pdf_date(sheet.made)),
    );
    let pages = layout.pages.len();
    let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT)
        .ok_or_else(|| PdfError::Write("the page size".into()))?;
    let running = format!("{} · {title}", sheet.shop);
    for (index, marks) in layout.pages.iter().enumerate() {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for mark in marks {
            draw(&mut surface, mark, &regular, &bold);
        }
        let number = catalogue.render(
            &Message::new("report-pdf-page")
                .num("page", (index + 1) as i64)
                .num("pages", pages as i64),
        );
        let size = 7.5;
        let number_width = regular.width(&number, size);
        let running = fitted(&regular, &running, size, BODY_WIDTH - number_width - 16.0);
        let top = PAGE_HEIGHT - FOOTER - size * ASCENT;
        for (x, text) in [
            (MARGIN, running),
            (PAGE_WIDTH - MARGIN - number_width, number),
        ] {
            draw(
                &mut surface,
                &Mark::Text {
                    x,
                    y: top,
                    size,
                    bold: false,
                    colour: MUTED,
                    text,
                },
                &regular,
                &bold,
            );
        }
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| PdfError::Write(format!("{e:?}")))
}

/// `text` cut with an ellipsis to fit `width` (the footer's running title
/// only; a report's own words are wrapped, never cut).
fn fitted(face: &Face, text: &str, size: f32, width: f32) -> String {
    if face.width(text, size) <= width {
        return text.to_string();
    }
    let mut cut: String = text.to_string();
    while !cut.is_empty() && face.width(&format!("{cut}…"), size) > width {
        cut.pop();
    }
    format!("{}…", cut.trim_end())
}

fn colour((r, g, b): (u8, u8, u8)) -> Fill {
    Fill {
        paint: rgb::Color::new(r, g, b).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

fn draw(surface: &mut Surface, mark: &Mark, regular: &Face, bold: &Face) {
    match mark {
        Mark::Text {
            x,
            y,
            size,
            bold: strong,
            colour: ink,
            text,
        } => {
            let face = if *strong { bold } else { regular };
            surface.set_stroke(None);
            surface.set_fill(Some(colour(*ink)));
            surface.draw_text(
                Point::from_xy(*x, y + size * ASCENT),
                face.font.clone(),
                *size,
                text,
                false,
                TextDirection::Auto,
            );
        }
        Mark::Rule { x, y, width } => {
            let mut path = PathBuilder::new();
            path.move_to(*x, *y);
            path.line_to(x + width, *y);
            if let Some(path) = path.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: rgb::Color::new(RULE.0, RULE.1, RULE.2).into(),
                    width: 0.5,
                    ..Default::default()
                }));
                surface.draw_path(&path);
            }
        }
        Mark::Band {
            x,
            y,
            width,
            height,
        } => {
            let mut path = PathBuilder::new();
            if let Some(rect) = Rect::from_xywh(*x, *y, *width, *height) {
                path.push_rect(rect);
            }
            if let Some(path) = path.finish() {
                surface.set_stroke(None);
                surface.set_fill(Some(colour(HEADER_BAND)));
                surface.draw_path(&path);
            }
        }
    }
}

/// When it was made, as the PDF's creation date, with the location's offset.
fn pdf_date(made: DateTime<Tz>) -> PdfDateTime {
    let year = u16::try_from(made.year().clamp(0, 9999)).unwrap_or(2000);
    let offset = made.offset().fix().local_minus_utc() / 60;
    PdfDateTime::new(year)
        .month(made.month() as u8)
        .day(made.day() as u8)
        .hour(made.hour() as u8)
        .minute(made.minute() as u8)
        .second(made.second() as u8)
        .utc_offset_hour((offset / 60) as i8)
        .utc_offset_minute((offset % 60).unsigned_abs() as u8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;

    fn faces() -> (Face, Face) {
        (
            Face::load(REGULAR).expect("regular"),
            Face::load(BOLD).expect("bold"),
        )
    }

    fn texts(columns: usize, rows: Vec<Vec<&str>>, numeric: Vec<bool>) -> TableText {
        TableText {
            headings: (0..columns).map(|i| format!("Column {i}")).collect(),
            whole: rows.iter().map(|r| numeric[..r.len()].to_vec()).collect(),
            rows: rows
                .into_iter()
                .map(|r| r.into_iter().map(str::to_string).collect())
                .collect(),
            numeric,
        }
    }

    fn table(id: &str) -> Table {
        Table::new(id, &[])
    }

    /// Every word drawn, with where it starts and ends.
    fn drawn<'a>(layout: &'a Layout) -> impl Iterator<Item = (usize, f32, f32, &'a str)> + 'a {
        layout
            .pages
            .iter()
            .enumerate()
            .flat_map(move |(page, marks)| {
                marks.iter().filter_map(move |m| match m {
                    Mark::Text {
                        x,
                        size,
                        bold,
                        text,
                        ..
                    } => {
                        let width = layout.face(*bold).width(text, *size);
                        Some((page, *x, x + width, text.as_str()))
                    }
                    _ => None,
                })
            })
    }

    #[test]
    fn a_wide_table_of_long_words_stays_inside_the_page() {
        let (regular, bold) = faces();
        let mut layout = Layout::new(&regular, &bold);
        let long = "Wielkopolskie-Przedsiębiorstwo-Gastronomiczne-Kawiarnia-Pod-Złotym-Kogutem";
        let words = "a reason typed at the till that goes on for quite a while, as reasons do";
        let texts = texts(
            8,
            vec![
                vec![
                    long,
                    words,
                    "1 234,50 zł",
                    words,
                    "12",
                    long,
                    "07:00",
                    words
                ];
                3
            ],
            vec![false, false, true, false, true, false, false, false],
        );
        layout.table("Voids", &table("t"), &texts, "none");
        let right = PAGE_WIDTH - MARGIN + 0.01;
        for (_, from, to, text) in drawn(&layout) {
            assert!(
                from >= MARGIN - 0.01 && to <= right,
                "`{text}` from {from} to {to}"
            );
        }
        // Nothing is lost in the wrapping: every character of every cell is drawn.
        let all: String = drawn(&layout).map(|(_, _, _, t)| t).collect();
        for cell in [long, "1 234,50 zł"] {
            let squeezed: String = cell.chars().filter(|c| *c != ' ').collect();
            assert!(all.replace(' ', "").contains(&squeezed), "{cell}");
        }
    }

    #[test]
    fn a_table_too_wide_for_the_smallest_type_breaks_its_words_and_still_fits() {
        let (regular, bold) = faces();
        let word = "Niedostępnośćwszystkichkolumnjednocześnie";
        for columns in [9, 14, 30] {
            let mut layout = Layout::new(&regular, &bold);
            let texts = texts(columns, vec![vec![word; columns]; 2], vec![false; columns]);
            let (size, _) = layout.columns(&texts);
            assert!(size >= SMALLEST_CELL_SIZE, "{columns}: {size}");
            layout.table("Wide", &table("t"), &texts, "none");
            let right = PAGE_WIDTH - MARGIN + 0.01;
            for (_, from, to, text) in drawn(&layout) {
                assert!(
                    from >= MARGIN - 0.01 && to <= right,
                    "{columns}: `{text}` to {to}"
                );
            }
        }
    }

    #[test]
    fn numbers_stand_right_aligned_and_unbroken() {
        let (regular, bold) = faces();
        let mut layout = Layout::new(&regular, &bold);
        let texts = texts(
            2,
            vec![vec!["Latte", "1 234 567,89 zł"], vec!["Tea", "4,50 zł"]],
            vec![false, true],
        );
        layout.table("Sales", &table("t"), &texts, "none");
        let ends: Vec<f32> = drawn(&layout)
            .filter(|(_, _, _, t)| t.ends_with("zł"))
            .map(|(_, _, to, _)| to)
            .collect();
        assert_eq!(ends.len(), 2, "each amount on one line");
        assert!((ends[0] - ends[1]).abs() < 0.01, "{ends:?}");
    }

    #[test]
    fn a_long_table_runs_onto_pages_with_its_heading_on_each() {
        let (regular, bold) = faces();
        let mut layout = Layout::new(&regular, &bold);
        let rows = (0..200).map(|_| vec!["Ola", "3"]).collect();
        layout.table(
            "At risk",
            &table("t"),
            &texts(2, rows, vec![false, true]),
            "none",
        );
        assert!(layout.pages.len() >= 3, "{} pages", layout.pages.len());
        for page in 1..layout.pages.len() {
            assert!(
                drawn(&layout).any(|(p, _, _, t)| p == page && t == "Column 0"),
                "the heading on page {}",
                page + 1
            );
        }
        for (_, _, _, t) in drawn(&layout) {
            assert!(!t.is_empty());
        }
        let bottom = layout.pages.iter().flatten().all(|m| match m {
            Mark::Text { y, size, .. } => y + size * LEADING <= BODY_BOTTOM + 0.01,
            _ => true,
        });
        assert!(bottom, "nothing runs into the footer");
    }

    #[test]
    fn a_column_of_numbers_with_a_totals_blank_or_a_dash_is_still_numbers() {
        let en = Catalogue::new(crate::i18n::Language::En);
        let usd = Currency::parse("USD").expect("USD");
        let mut t = Table::new("liability", &["balance-kind", "outstanding", "day"]);
        t.rows = vec![
            vec![
                Cell::Label("report-balance-points".into()),
                Cell::Count(19_658),
                Cell::Date("2026-10-05".into()),
            ],
            vec![
                Cell::Label("report-cell-total".into()),
                Cell::Text(String::new()),
                Cell::Label("report-cell-none".into()),
            ],
        ];
        let texts = TableText::of(&t, usd, &en);
        assert_eq!(texts.numeric, [false, true, false]);
        assert_eq!(
            texts.whole,
            [vec![false, true, true], vec![false, false, false]]
        );
        assert_eq!(texts.rows[0], ["Points", "19,658", "5 Oct 2026"]);
    }

    #[test]
    fn an_empty_table_says_so() {
        let (regular, bold) = faces();
        let mut layout = Layout::new(&regular, &bold);
        layout.table(
            "Voids",
            &table("t"),
            &texts(2, vec![], vec![false, false]),
            "Brak pozycji.",
        );
        let words: Vec<_> = drawn(&layout).map(|(_, _, _, t)| t.to_string()).collect();
        assert_eq!(words, ["Voids", "Brak pozycji."]);
    }

    #[test]
    fn cells_are_written_as_the_screens_write_them() {
        let pl = Catalogue::new(Language::Pl);
        let pln = Currency::parse("PLN").expect("PLN");
        let cases = [
            (Cell::Count(12_345), "12\u{a0}345"),
            (Cell::Count(1_234), "1234"),
            (Cell::Money("12.50".into()), "12,50\u{a0}zł"),
            (Cell::Money("-0.05".into()), "-0,05\u{a0}zł"),
            (Cell::Fraction("0.4321".into()), "43,2%"),
            (Cell::Fraction("0.5000".into()), "50%"),
            (Cell::Decimal("1.75".into()), "1,75"),
            (Cell::Date("2026-12-05".into()), "5.12.2026"),
            (Cell::Hour(7), "07:00"),
            (Cell::Time("07:45".into()), "07:45"),
            (Cell::Text("=1+1".into()), "=1+1"),
            (
                Cell::Label("report-cell-nobody".into()),
                "(nikt niezalogowany)",
            ),
            (Cell::Money("not money".into()), "not money"),
        ];
        for (cell, expected) in cases {
            assert_eq!(cell_text(&cell, pln, &pl), expected, "{cell:?}");
        }
    }

    #[test]
    fn a_sheet_becomes_a_pdf_with_its_metadata() {
        let pl = Catalogue::new(Language::Pl);
        let made =
            chrono::TimeZone::with_ymd_and_hms(&chrono_tz::Europe::Warsaw, 2026, 12, 5, 22, 5, 0)
                .single()
                .expect("a time");
        let mut summary = Table::new("close-summary", &["measure", "value"]);
        summary.rows.push(vec![
            Cell::Label("report-measure-visits".into()),
            Cell::Count(3),
        ]);
        let bytes = to_pdf(
            &Sheet {
                shop: "Kawiarnia Żółw",
                title: Message::new("report-close-title")
                    .date("day", made.date_naive())
                    .num("hours", 24)
                    .text("currency", "PLN"),
                lines: vec![],
                made,
                currency: Currency::parse("PLN").expect("PLN"),
                tables: &[summary],
            },
            &pl,
        )
        .expect("pdf");
        assert!(bytes.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("DejaVuSans"), "the font is embedded by name");
    }
}
