//! What the segments and the offers read: every customer record (who they
//! are, whether they agreed to be contacted, when they joined, their tags,
//! whom they were merged into) and
//! every visit that stands; then what the customers on the at-risk list
//! hold (only theirs: reading every balance costs more). Read on the
//! reports' own connection, so no visit waits for it; the visits in table
//! order (a scan) and grouped in Rust, which is cheaper than SQLite sorting a
//! million rows.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};

use super::{parse_uuid, Store, VisitRow};
use crate::error::{EngineError, Result};
use crate::ledger::CustomerId;

/// One customer record as the segments and the offers see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Client {
    /// The record.
    pub id: CustomerId,
    /// Their name; none for an erased or nameless customer.
    pub name: Option<String>,
    /// Their phone, when they agreed to be contacted (none otherwise).
    pub phone: Option<String>,
    /// Their e-mail, when they agreed to be contacted (none otherwise).
    pub email: Option<String>,
    /// They agreed to marketing messages.
    pub consent: bool,
    /// Erased at their request: counted, never named or listed.
    pub erased: bool,
    /// When their till recorded the enrolment (none when only their visits
    /// have arrived yet).
    pub enrolled: Option<DateTime<Utc>>,
    /// The record this one was merged into.
    pub merged_into: Option<CustomerId>,
    /// The shop's tags on them (`student`), which offers target.
    pub tags: Vec<String>,
}

/// What one customer holds now (a merged group on its survivor).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Holdings {
    /// Points.
    pub points: i64,
    /// Stamps, on every card.
    pub stamps: i64,
    /// Cashback, in minor units.
    pub cashback: i64,
}

/// The shop's customers and their visits.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Clientele {
    /// Every customer record, merged-away ones included.
    pub clients: Vec<Client>,
    /// Every visit that stands (a merged-away record's under its own id).
    pub visits: Vec<VisitRow>,
}

fn date(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|e| EngineError::Corrupt(format!("a stored business date `{text}`: {e}")))
}

type ClientRow = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    bool,
    bool,
    Option<String>,
    Option<String>,
    String,
);

fn client(row: ClientRow) -> Result<Client> {
    let (id, name, phone, email, consent, erased, enrolled, merged_into, tags) = row;
    // Most customers have none: the JSON is parsed only when there are some.
    let tags = if tags == "[]" {
        Vec::new()
    } else {
        serde_json::from_str(&tags)
            .map_err(|e| EngineError::Corrupt(format!("the tags `{tags}`: {e}")))?
    };
    let enrolled = enrolled
        .map(|at| {
            DateTime::parse_from_rfc3339(&at)
                .map(|t| t.with_timezone(&Utc))
                .map_err(|e| EngineError::Corrupt(format!("enrolled at `{at}`: {e}")))
        })
        .transpose()?;
    let contact = consent && !erased;
    Ok(Client {
        id: parse_uuid(&id, "customer")?,
        name: name.filter(|_| !erased),
        phone: phone.filter(|_| contact),
        email: email.filter(|_| contact),
        consent: contact,
        erased,
        enrolled,
        merged_into: merged_into
            .map(|m| parse_uuid(&m, "customer"))
            .transpose()?,
        tags,
    })
}

impl Store {
    /// Every customer and every visit that stands.
    pub fn clientele(&self) -> Result<Clientele> {
        self.read_for_report(|conn| {
            let clients = conn
                .prepare_cached(
                    "SELECT id, name, phone, email, marketing_consent, erased, enrolled_on, merged_into,
                            tags
                       FROM customers",
                )?
                .query_map([], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                        r.get(7)?,
                        r.get(8)?,
                    ))
                })?
                .map(|row| client(row?))
                .collect::<Result<_>>()?;
            // The visits come by customer (the index's order, covering it
            // all): an id is parsed when it changes. Days repeat: each is
            // parsed once.
            let mut last: Option<(String, CustomerId)> = None;
            let mut days: HashMap<[u8; 10], NaiveDate> = HashMap::new();
            let mut visits = Vec::new();
            let mut stmt = conn.prepare_cached(
                "SELECT customer, business_date, amount FROM visits
                  WHERE voided = 0 ORDER BY customer, business_date",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let text = r.get_ref(0)?.as_str()?;
                let customer = match &last {
                    Some((seen, id)) if seen == text => *id,
                    _ => {
                        let id = parse_uuid(text, "customer")?;
                        last = Some((text.to_string(), id));
                        id
                    }
                };
                let text = r.get_ref(1)?.as_str()?;
                let key: [u8; 10] = text
                    .as_bytes()
                    .try_into()
                    .map_err(|_| EngineError::Corrupt(format!("a stored business date `{text}`")))?;
                let day = match days.get(&key) {
                    Some(d) => *d,
                    None => {
                        let d = date(text)?;
                        days.insert(key, d);
                        d
                    }
                };
                visits.push(VisitRow {
                    customer,
                    day,
                    amount: r.get(2)?,
                });
            }
            Ok(Clientele { clients, visits })
        })
    }
}

impl Store {
    /// What each of `customers` (survivors of any merge) holds now; a
    /// customer holding nothing is left out.
    pub fn holdings_of(&self, customers: &[CustomerId]) -> Result<HashMap<CustomerId, Holdings>> {
        let ids: Vec<String> = customers.iter().map(ToString::to_string).collect();
        let ids = serde_json::to_string(&ids).map_err(|e| EngineError::Internal(e.to_string()))?;
        self.read_for_report(|conn| {
            conn.prepare_cached(
                "SELECT customer,
                        SUM(CASE WHEN account = 'points' THEN amount ELSE 0 END),
                        SUM(CASE WHEN account >= 'stamps:' AND account < 'stamps;' THEN amount ELSE 0 END),
                        SUM(CASE WHEN account = 'cashback' THEN amount ELSE 0 END)
                   FROM balances
                  WHERE customer IN (SELECT value FROM json_each(?1)) AND amount != 0
                  GROUP BY customer",
            )?
            .query_map([ids], |r| {
                Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .map(|row| {
                let (customer, points, stamps, cashback) = row?;
                Ok((
                    parse_uuid(&customer, "customer")?,
                    Holdings {
                        points,
                        stamps,
                        cashback,
                    },
                ))
            })
            .collect()
        })
    }
}
