// Generated from the engine's Rust types by ts-rs (engine/src/command/bindings.rs).
// Do not edit: run `COUNTERPART_WRITE_BINDINGS=1 cargo test -p counterpart-engine --features ts --lib bindings`.

/** Every error code the engine answers with; screens branch on these. */
export type ErrorCode =
  | "invalid_input"
  | "invalid_program"
  | "refused.not_enough"
  | "refused.not_available"
  | "refused.cannot_void"
  | "refused.customer_closed"
  | "refused.no_program"
  | "refused.below_zero"
  | "auth.sign_in_required"
  | "auth.signed_out_idle"
  | "auth.forbidden"
  | "auth.wrong_pin"
  | "auth.locked_out"
  | "card.garbled"
  | "card.unknown_shop"
  | "card.unknown_till"
  | "card.forged"
  | "card.revoked"
  | "card.ambiguous"
  | "not_found"
  | "idempotency.mismatch"
  | "forked"
  | "not_initialised"
  | "database"
  | "disk_full"
  | "migration"
  | "corrupt"
  | "io"
  | "internal"
  | "sync.offline"
  | "sync.unauthenticated"
  | "sync.forbidden"
  | "sync.forked"
  | "sync.gap"
  | "sync.too_large"
  | "sync.unsupported_protocol"
  | "sync.pairing_code"
  | "sync.shop_mismatch"
  | "sync.malformed"
  | "sync.rate_limited"
  | "sync.unavailable"
  | "sync.internal"
  | "sync.http"
  | "sync.protocol"
  | "sync.not_paired"
  | "sync.already_paired"
  | "sync.insecure_server"
  | "sync.failed";

/** What someone at the till may be allowed to do (`docs/permissions.md`). */
export type Permission =
  | "enrol"
  | "record_visit"
  | "redeem"
  | "undo_own_last"
  | "void"
  | "adjust"
  | "update_profile"
  | "replace_card"
  | "subscribe"
  | "merge"
  | "erase"
  | "export"
  | "publish_program"
  | "manage_staff"
  | "pair"
  | "maintain"
  | "print_cards"
  | "reports";

/** Every kind of ledger event, as stored. */
export type EventKind =
  | "program_published"
  | "enrolled"
  | "profile_updated"
  | "visit"
  | "redeemed"
  | "voided"
  | "adjusted"
  | "card_replaced"
  | "subscription_bought"
  | "donated"
  | "merged"
  | "erased"
  | "till_key_added"
  | "staff_added"
  | "staff_role_changed"
  | "staff_pin_changed"
  | "staff_removed"
  | "overdrawn"
  | "staff_key_set";

/** The same, as a list. */
export const EVENT_KINDS: readonly EventKind[] = [
  "program_published",
  "enrolled",
  "profile_updated",
  "visit",
  "redeemed",
  "voided",
  "adjusted",
  "card_replaced",
  "subscription_bought",
  "donated",
  "merged",
  "erased",
  "till_key_added",
  "staff_added",
  "staff_role_changed",
  "staff_pin_changed",
  "staff_removed",
  "overdrawn",
  "staff_key_set",
];

/** The same, as a list. */
export const ERROR_CODES: readonly ErrorCode[] = [
  "invalid_input",
  "invalid_program",
  "refused.not_enough",
  "refused.not_available",
  "refused.cannot_void",
  "refused.customer_closed",
  "refused.no_program",
  "refused.below_zero",
  "auth.sign_in_required",
  "auth.signed_out_idle",
  "auth.forbidden",
  "auth.wrong_pin",
  "auth.locked_out",
  "card.garbled",
  "card.unknown_shop",
  "card.unknown_till",
  "card.forged",
  "card.revoked",
  "card.ambiguous",
  "not_found",
  "idempotency.mismatch",
  "forked",
  "not_initialised",
  "database",
  "disk_full",
  "migration",
  "corrupt",
  "io",
  "internal",
  "sync.offline",
  "sync.unauthenticated",
  "sync.forbidden",
  "sync.forked",
  "sync.gap",
  "sync.too_large",
  "sync.unsupported_protocol",
  "sync.pairing_code",
  "sync.shop_mismatch",
  "sync.malformed",
  "sync.rate_limited",
  "sync.unavailable",
  "sync.internal",
  "sync.http",
  "sync.protocol",
  "sync.not_paired",
  "sync.already_paired",
  "sync.insecure_server",
  "sync.failed",
];

/** Decimals of currencies whose minor unit is not 1/100 (the rest have 2). */
export const CURRENCY_EXPONENTS: Readonly<Record<string, number>> = {
  "BHD": 3,
  "BIF": 0,
  "CLF": 4,
  "CLP": 0,
  "DJF": 0,
  "GNF": 0,
  "IQD": 3,
  "ISK": 0,
  "JOD": 3,
  "JPY": 0,
  "KMF": 0,
  "KRW": 0,
  "KWD": 3,
  "LYD": 3,
  "OMR": 3,
  "PYG": 0,
  "RWF": 0,
  "TND": 3,
  "UGX": 0,
  "UYI": 0,
  "UYW": 4,
  "VND": 0,
  "VUV": 0,
  "XAF": 0,
  "XOF": 0,
  "XPF": 0,
};

/** The currency each country pays in, by its ISO 3166 code (ISO 4217's users), where a new shop may pick it: the set-up screen's first guess. */
export const REGION_CURRENCIES: Readonly<Record<string, string>> = {
  "AD": "EUR",
  "AS": "USD",
  "AT": "EUR",
  "AU": "AUD",
  "AX": "EUR",
  "BE": "EUR",
  "BG": "EUR",
  "BL": "EUR",
  "BQ": "USD",
  "BV": "NOK",
  "CA": "CAD",
  "CC": "AUD",
  "CH": "CHF",
  "CX": "AUD",
  "CY": "EUR",
  "CZ": "CZK",
  "DE": "EUR",
  "EC": "USD",
  "EE": "EUR",
  "ES": "EUR",
  "FI": "EUR",
  "FM": "USD",
  "FR": "EUR",
  "GB": "GBP",
  "GF": "EUR",
  "GG": "GBP",
  "GP": "EUR",
  "GR": "EUR",
  "GU": "USD",
  "HM": "AUD",
  "HR": "EUR",
  "IE": "EUR",
  "IM": "GBP",
  "IO": "GBP",
  "IT": "EUR",
  "JE": "GBP",
  "JP": "JPY",
  "KI": "AUD",
  "LI": "CHF",
  "LT": "EUR",
  "LU": "EUR",
  "LV": "EUR",
  "MC": "EUR",
  "ME": "EUR",
  "MF": "EUR",
  "MH": "USD",
  "MP": "USD",
  "MQ": "EUR",
  "MT": "EUR",
  "NF": "AUD",
  "NL": "EUR",
  "NO": "NOK",
  "NR": "AUD",
  "PL": "PLN",
  "PM": "EUR",
  "PR": "USD",
  "PT": "EUR",
  "PW": "USD",
  "RE": "EUR",
  "RU": "RUB",
  "SE": "SEK",
  "SI": "EUR",
  "SJ": "NOK",
  "SK": "EUR",
  "SM": "EUR",
  "TC": "USD",
  "TF": "EUR",
  "TL": "USD",
  "TV": "AUD",
  "UM": "USD",
  "US": "USD",
  "VA": "EUR",
  "VG": "USD",
  "VI": "USD",
  "YT": "EUR",
};

/** How each language writes numbers, from the CLDR (engine/src/money/written.rs): the group and decimal marks, the minus, and from how many digits groups are marked. */
export const NUMBER_STYLES: Readonly<Record<Language, { group: string; decimal: string; minus: string; groupingFrom: number }>> = {
  en: { group: ",", decimal: ".", minus: "-", groupingFrom: 4 },
  pl: { group: " ", decimal: ",", minus: "-", groupingFrom: 5 },
  fr: { group: " ", decimal: ",", minus: "-", groupingFrom: 4 },
  ru: { group: " ", decimal: ",", minus: "-", groupingFrom: 4 },
};

/** Where a currency written by its code puts it, as [before the digits, after them], `¤` standing for the code. */
export const CODE_STYLES: Readonly<Record<Language, readonly [string, string]>> = {
  en: ["¤ ", ""],
  pl: ["", " ¤"],
  fr: ["", " ¤"],
  ru: ["", " ¤"],
};

/** The currencies each language writes with a sign of their own, as [before the digits, after them] (`$`, `zł`). */
export const CURRENCY_STYLES: Readonly<Record<Language, Readonly<Record<string, readonly [string, string]>>>> = {
  en: {
    XCG: ["Cg.", ""],
    AUD: ["A$", ""],
    BRL: ["R$", ""],
    CAD: ["CA$", ""],
    CNY: ["CN¥", ""],
    EUR: ["€", ""],
    GBP: ["£", ""],
    HKD: ["HK$", ""],
    ILS: ["₪", ""],
    INR: ["₹", ""],
    JPY: ["¥", ""],
    KRW: ["₩", ""],
    MXN: ["MX$", ""],
    NZD: ["NZ$", ""],
    PHP: ["₱", ""],
    TWD: ["NT$", ""],
    USD: ["$", ""],
    VND: ["₫", ""],
    XAF: ["FCFA ", ""],
    XCD: ["EC$", ""],
    XOF: ["F CFA ", ""],
    XPF: ["CFPF ", ""],
  },
  pl: {
    XCG: ["", " Cg."],
    AUD: ["", " A$"],
    BRL: ["", " R$"],
    CAD: ["", " CA$"],
    CNY: ["", " CN¥"],
    EUR: ["", " €"],
    GBP: ["", " £"],
    HKD: ["", " HK$"],
    ILS: ["", " ₪"],
    INR: ["", " ₹"],
    JPY: ["", " JP¥"],
    KRW: ["", " ₩"],
    MXN: ["", " MX$"],
    NZD: ["", " NZ$"],
    PHP: ["", " ₱"],
    PLN: ["", " zł"],
    TWD: ["", " NT$"],
    USD: ["", " US$"],
    VND: ["", " ₫"],
    XAF: ["", " FCFA"],
    XCD: ["", " EC$"],
    XOF: ["", " F CFA"],
    XPF: ["", " CFPF"],
  },
  fr: {
    XCG: ["", " Cg."],
    ARS: ["", " $AR"],
    AUD: ["", " $AU"],
    BMD: ["", " $BM"],
    BND: ["", " $BN"],
    BRL: ["", " R$"],
    BZD: ["", " $BZ"],
    CAD: ["", " $CA"],
    CLP: ["", " $CL"],
    CNY: ["", " CN¥"],
    COP: ["", " $CO"],
    EUR: ["", " €"],
    FJD: ["", " $FJ"],
    FKP: ["", " £FK"],
    GBP: ["", " £GB"],
    GIP: ["", " £GI"],
    HKD: ["", " HK$"],
    ILS: ["", " ₪"],
    INR: ["", " ₹"],
    JPY: ["", " JP¥"],
    KRW: ["", " ₩"],
    LBP: ["", " £LB"],
    MXN: ["", " $MX"],
    NAD: ["", " $NA"],
    NZD: ["", " $NZ"],
    PHP: ["", " ₱"],
    SBD: ["", " $SB"],
    SGD: ["", " $SG"],
    SRD: ["", " $SR"],
    TTD: ["", " $TT"],
    TWD: ["", " NT$"],
    USD: ["", " $US"],
    UYU: ["", " $UY"],
    VND: ["", " ₫"],
    WST: ["", " $WS"],
    XAF: ["", " FCFA"],
    XCD: ["", " EC$"],
    XOF: ["", " F CFA"],
    XPF: ["", " FCFP"],
  },
  ru: {
    XCG: ["", " Cg"],
    AUD: ["", " A$"],
    BRL: ["", " R$"],
    CAD: ["", " CA$"],
    CNY: ["", " CN¥"],
    EUR: ["", " €"],
    GBP: ["", " £"],
    HKD: ["", " HK$"],
    ILS: ["", " ₪"],
    INR: ["", " ₹"],
    JPY: ["", " ¥"],
    KRW: ["", " ₩"],
    MXN: ["", " MX$"],
    NZD: ["", " NZ$"],
    PHP: ["", " ₱"],
    RUB: ["", " ₽"],
    THB: ["", " ฿"],
    TMT: ["", " ТМТ"],
    TWD: ["", " NT$"],
    UAH: ["", " ₴"],
    USD: ["", " $"],
    VND: ["", " ₫"],
    XAF: ["", " FCFA"],
    XCD: ["", " EC$"],
    XOF: ["", " F CFA"],
    XPF: ["", " CFPF"],
  },
};

/** How long after an action its author may undo it, in milliseconds. */
export const UNDO_WINDOW_MS = 120000;

/** The longest idle time a manager may set before a sign-in ends, in minutes. */
export const MAX_IDLE_MINUTES = 720;

/** The webcam resolutions a manager may pick (width, height). */
export const CAMERA_RESOLUTIONS: readonly (readonly [number, number])[] = [[640, 480], [1280, 720], [1920, 1080]];

/** The currencies a new shop may pick, with their decimals. */
export const CURRENCIES: readonly { code: string; decimals: number }[] = [
  { code: "USD", decimals: 2 },
  { code: "EUR", decimals: 2 },
  { code: "GBP", decimals: 2 },
  { code: "PLN", decimals: 2 },
  { code: "CHF", decimals: 2 },
  { code: "CAD", decimals: 2 },
  { code: "AUD", decimals: 2 },
  { code: "SEK", decimals: 2 },
  { code: "NOK", decimals: 2 },
  { code: "CZK", decimals: 2 },
  { code: "JPY", decimals: 0 },
  { code: "RUB", decimals: 2 },
];

/** The longest text each field takes, in characters (the engine refuses longer). */
export const LIMITS = {
  shop_name: 100,
  customer_name: 100,
  staff_name: 40,
  till_name: 40,
  reason: 200,
  tag: 30,
  tags: 20,
  lookup: 100,
  phone: 32,
  email: 254,
} as const;

/** The fewest characters a keyboard-wedge scanner's burst holds before its Enter. */
export const WEDGE_MIN_CODE_CHARS = 8;

export type CustomerRef = { "card": string } | { "customer": string };

export type SetUpShop = { 
/**
 * The shop's name.
 */
shop: string, 
/**
 * ISO currency code (`EUR`).
 */
currency: string, 
/**
 * IANA time zone (`Europe/Warsaw`).
 */
timezone: string, 
/**
 * Local hour the business day starts (a café open until 01:00 uses 3 or 4).
 */
day_starts_at: number, 
/**
 * The first manager; without one the till runs open (a one-person shop).
 */
manager?: FirstManager, 
/**
 * An example program to publish as the shop's first (its id from
 * [`crate::command::Commands::examples_in`], `points-cafe`).
 */
example?: string, };

export type FirstManager = { 
/**
 * Their name on the sign-in list.
 */
name: string, 
/**
 * Their PIN: 6 to 12 digits.
 */
pin: Pin, };

export type Pin = string;

export type ProfileForm = { 
/**
 * Name.
 */
name?: string, 
/**
 * Phone.
 */
phone?: string, 
/**
 * Email.
 */
email?: string, 
/**
 * Birthday, `YYYY-MM-DD`.
 */
birthday?: string, 
/**
 * Agrees to marketing messages.
 */
marketing_consent: boolean, 
/**
 * Tags the shop uses.
 */
tags: Array<string>, };

export type Enrol = { 
/**
 * What the customer gives (all of it optional: a card alone is a member).
 */
profile: ProfileForm, 
/**
 * A pre-printed card handed over (its `CP1.` code); a new card otherwise.
 */
card?: string, 
/**
 * Idempotency key: the same key records once.
 */
key?: string, };

export type UpdateProfile = { 
/**
 * The customer.
 */
customer: CustomerRef, 
/**
 * The new profile.
 */
profile: ProfileForm, 
/**
 * Idempotency key.
 */
key?: string, };

export type Item = { 
/**
 * Product id or name ("flat-white").
 */
product: string, 
/**
 * Category ("coffee").
 */
category?: string | null, 
/**
 * Quantity, at least 1.
 */
quantity: number, };

export type RecordVisit = { 
/**
 * The customer.
 */
customer: CustomerRef, 
/**
 * The check's amount, a decimal in the shop's currency (`"4.50"`).
 */
amount: string, 
/**
 * What was bought, when the program's rules look at products.
 */
items: Array<Item>, 
/**
 * A coupon code.
 */
coupon?: string, 
/**
 * Idempotency key.
 */
key?: string, };

export type Redeem = { 
/**
 * The customer.
 */
customer: CustomerRef, 
/**
 * The reward's id.
 */
reward: string, 
/**
 * Idempotency key.
 */
key?: string, };

export type SpendCashback = { 
/**
 * The customer.
 */
customer: CustomerRef, 
/**
 * How much, a decimal in the shop's currency.
 */
amount: string, 
/**
 * Idempotency key.
 */
key?: string, };

export type Void = { 
/**
 * The event to undo.
 */
event: string, 
/**
 * Why.
 */
reason: string, 
/**
 * A manager confirms leaving a balance below zero (what the event gave was
 * spent since); it then shows below zero, flagged.
 */
allow_negative: boolean, 
/**
 * Idempotency key.
 */
key?: string, };

export type Adjust = { 
/**
 * The customer.
 */
customer: CustomerRef, 
/**
 * `points`, `cashback`, `stamps:CARD` or `voucher:REWARD`.
 */
account: string, 
/**
 * Signed amount: cashback as a decimal in the shop's currency (`"-1.50"`),
 * the others whole numbers.
 */
amount: string, 
/**
 * Why.
 */
reason: string, 
/**
 * A manager confirms leaving the balance below zero.
 */
allow_negative: boolean, 
/**
 * Idempotency key.
 */
key?: string, };

export type Subscribe = { 
/**
 * The customer.
 */
customer: CustomerRef, 
/**
 * The plan's id.
 */
plan: string, 
/**
 * Idempotency key.
 */
key?: string, };

export type Donate = { 
/**
 * The customer.
 */
customer: CustomerRef, 
/**
 * The cause's id.
 */
cause: string, 
/**
 * Points to give.
 */
points: number, 
/**
 * Idempotency key.
 */
key?: string, };

export type ReplaceCard = { 
/**
 * The card being replaced (QR text, typed code or card number).
 */
card: string, 
/**
 * Idempotency key.
 */
key?: string, };

export type Merge = { 
/**
 * The record that is closed.
 */
from: string, 
/**
 * The record that remains.
 */
into: string, 
/**
 * Idempotency key.
 */
key?: string, };

export type Erase = { 
/**
 * The customer.
 */
customer: string, 
/**
 * Idempotency key.
 */
key?: string, };

export type FindCustomers = { 
/**
 * A phone number or part of a name.
 */
query: string, 
/**
 * At most this many (default 20, at most 100): short lists at the counter.
 */
limit?: number, };

export type PublishProgram = { 
/**
 * The program's TOML.
 */
source: string, 
/**
 * Idempotency key.
 */
key?: string, };

export type PairTill = { 
/**
 * The pairing code a manager showed, or the whole text of its QR
 * (`counterpart-pair:URL#CODE`).
 */
code: string, 
/**
 * The server's address, when the code was typed (the QR holds it).
 */
server?: string, 
/**
 * A name for this till, shown to managers.
 */
name: string, };

export type QrFormat = "svg" | "png";

export type SignIn = { 
/**
 * Their id (from the sign-in list) or their name.
 */
staff: string, 
/**
 * Their PIN.
 */
pin: Pin, };

export type AddStaff = { 
/**
 * Their name on the sign-in list (unique among the staff).
 */
name: string, 
/**
 * What they may do.
 */
role: Role, 
/**
 * Their PIN: at least 4 digits for a barista, 6 for a manager.
 */
pin: Pin, };

export type SetPin = { 
/**
 * Their id or name.
 */
staff: string, 
/**
 * The new PIN.
 */
pin: Pin, 
/**
 * The PIN it replaces: needed to change one's own without a manager.
 */
current?: Pin, };

export type SetRole = { 
/**
 * Their id or name.
 */
staff: string, 
/**
 * The new role.
 */
role: Role, 
/**
 * A new PIN: needed for a promotion to manager (6 digits or more), since
 * the till cannot tell how long the old one is.
 */
pin?: Pin, };

export type RemoveStaff = { 
/**
 * Their id or name.
 */
staff: string, };

export type AuditRange = { 
/**
 * First date, `YYYY-MM-DD` (30 days before `to` when left out).
 */
from?: string, 
/**
 * Last date, `YYYY-MM-DD` (today when left out).
 */
to?: string, };

export type UndoLast = { 
/**
 * Why (`undone at the till` when left out).
 */
reason?: string, 
/**
 * Idempotency key: a double tap undoes once.
 */
key?: string, };

export type WedgeKey = { 
/**
 * The key: one character, or `Enter`.
 */
key: string, 
/**
 * When, in milliseconds on the screen's clock (only differences count).
 */
at_ms: number, };

export type Role = "barista" | "manager";

export type Message = { 
/**
 * The id in the catalogues (`earn-points`, `stamp-one`).
 */
id: string, 
/**
 * Its arguments by name.
 */
args?: { [key in string]: Arg }, };

export type Arg = { "number": number } | { "text": string } | { "name": Name } | { "money": { 
/**
 * Minor units.
 */
minor: number, 
/**
 * ISO currency code.
 */
currency: string, } } | { "message": Message } | { "date": string };

export type ShopInfo = { 
/**
 * The shop's name.
 */
shop_name: string, 
/**
 * ISO currency code.
 */
currency: string, 
/**
 * The number of decimals its amounts have.
 */
currency_decimals: number, 
/**
 * IANA time zone.
 */
timezone: string, 
/**
 * Local hour the business day starts.
 */
day_starts_at: number, 
/**
 * This till's device id.
 */
device: string, 
/**
 * True while nobody is on the staff: anyone may do anything, no sign-in.
 */
runs_open: boolean, };

export type SignInIdle = { 
/**
 * For a barista: 1 to 720 minutes.
 */
barista_minutes: number, 
/**
 * For a manager: 1 to 720 minutes.
 */
manager_minutes: number, };

export type TillOverview = { 
/**
 * The shop, or none before set-up (the first-run screen).
 */
shop: ShopInfo | null, 
/**
 * Who is signed in here (none once they were signed out for leaving the
 * till unused).
 */
signed_in: SignedIn | null, 
/**
 * When that sign-in ends unless the till is used before: the screen
 * looks again then.
 */
signed_in_until: string | null, 
/**
 * Who was signed out for leaving the till unused (the sign-in screen
 * says so; a sale in progress stays for whoever signs in).
 */
signed_out_idle: string | null, 
/**
 * After how long unused a sign-in ends on this till.
 */
sign_in_idle: SignInIdle, 
/**
 * The sign-in list; `runs_open` when nobody needs to sign in.
 */
staff: StaffList, 
/**
 * What whoever is signed in may do here (everything while the till runs
 * open): the screens offer what this allows and ask nothing else.
 */
permissions: Permission[], };

export type Delta = { 
/**
 * The account moved.
 */
account: string, 
/**
 * By how much (points, stamps, minor units, uses).
 */
amount: number, 
/**
 * The rule that granted or took it (`points`, `offer:early-bird`, `reward:free-drink`).
 */
rule: string, 
/**
 * The explanation shown to staff: "+4 points (1 point per $1.00, ×2 before 9:00)".
 * English, kept in the ledger for the record.
 */
why: string, 
/**
 * The same as a message id and arguments, for every language. Absent on
 * events recorded before messages existed: those are explained by `why`.
 */
message?: Message, };

export type Outcome = { 
/**
 * The event recorded (or recorded before, for a repeated key).
 */
event_id: string, 
/**
 * Its kind.
 */
kind: string, 
/**
 * True when the idempotency key had been used: nothing new was recorded.
 */
duplicate: boolean, 
/**
 * The deltas, each with its explanation.
 */
deltas: Array<Delta>, 
/**
 * Everything to tell staff, in order: what was earned and why, tier changes
 * (English).
 */
lines: Array<string>, 
/**
 * The same lines as message ids with arguments, one for each line, for
 * every language.
 */
messages: Array<Message>, 
/**
 * The lines the counter's screen shows: the messages but those kept for
 * the record (a new card's id and QR text, which the card dialog shows;
 * a void's own line, whose "undone" lines say what it gave back).
 */
counter: Array<Message>, 
/**
 * The customer afterwards.
 */
customer: CustomerSummary | null, };

export type CardCodes = { 
/**
 * The card id.
 */
card: string, 
/**
 * The signed code in its QR (absent for cards issued before codes existed).
 */
code: string | null, 
/**
 * The typed fallback code under the QR.
 */
fallback: string | null, };

export type CustomerRecord = { 
/**
 * Id.
 */
id: string, 
/**
 * Name.
 */
name: string | null, 
/**
 * Phone.
 */
phone: string | null, 
/**
 * Email.
 */
email: string | null, 
/**
 * Birthday.
 */
birthday: string | null, 
/**
 * Marketing consent.
 */
marketing_consent: boolean, 
/**
 * Tags.
 */
tags: Array<string>, 
/**
 * `active`, `merged` or `erased`.
 */
status: "active" | "merged" | "erased", 
/**
 * Where a merged record went.
 */
merged_into: string | null, 
/**
 * Non-voided visits.
 */
visits: number, 
/**
 * Lifetime spend, minor units.
 */
spend: number, 
/**
 * Last visit's business date.
 */
last_visit: string | null, 
/**
 * Cards that work (their ids).
 */
cards: Array<string>, 
/**
 * The same cards with what is printed on them.
 */
card_codes: Array<CardCodes>, };

export type BalanceKind = "points" | "stamps" | "cashback" | "vouchers";

export type StampProgress = { 
/**
 * The card's id in the program.
 */
card: string, 
/**
 * Stamps collected.
 */
stamps: number, 
/**
 * Stamps that fill the card.
 */
of: number, };

export type BalanceLine = { 
/**
 * The account (`points`, `stamps:coffee`).
 */
account: string, 
/**
 * What kind of balance it is.
 */
kind: BalanceKind, 
/**
 * Raw amount.
 */
amount: number, 
/**
 * For a stamp card: how many stamps of how many, to draw.
 */
progress: StampProgress | null, 
/**
 * Words: "120 points", "7 of 10 on Coffee card", "$3.20 cashback".
 */
text: string, 
/**
 * The same as a message, for every language.
 */
message: Message, };

export type TierLine = { 
/**
 * Tier id.
 */
id: string, 
/**
 * Tier name.
 */
name: Name, 
/**
 * Perks.
 */
perks: Array<Name>, };

export type RewardLine = { 
/**
 * Reward id.
 */
id: string, 
/**
 * Its place in the program's list of rewards, from 0: the screens keep
 * each reward in its place (and on its key) whether available or not.
 */
place: number, 
/**
 * Reward name.
 */
name: Name, 
/**
 * How it would be paid ("with a voucher", "-100 points").
 */
how: string, 
/**
 * The same as a message.
 */
how_message: Message | null, };

export type RewardOutOfReach = { 
/**
 * Reward id.
 */
id: string, 
/**
 * Its place in the program's list of rewards, from 0.
 */
place: number, 
/**
 * Reward name.
 */
name: Name, 
/**
 * Why not, as a message.
 */
why: Message, };

export type ConflictKind = "overdrawn" | "merge_overruled" | "below_zero" | "card_taken";

export type ConflictLine = { 
/**
 * What kind.
 */
kind: ConflictKind, 
/**
 * The event in question: the overdrawing one, or the overruled merge.
 */
event: string, 
/**
 * The server's flag event, for an overdraw.
 */
flag: string | null, 
/**
 * Words for staff and managers.
 */
text: string, 
/**
 * The same as a message.
 */
message: Message, };

export type CustomerSummary = { 
/**
 * Tier held today.
 */
tier: TierLine | null, 
/**
 * Balances.
 */
balances: Array<BalanceLine>, 
/**
 * Points expired and gone.
 */
points_expired: number, 
/**
 * Rewards redeemable now.
 */
rewards_available: Array<RewardLine>, 
/**
 * The catalogue's other rewards, each with why not now.
 */
rewards_out_of_reach: Array<RewardOutOfReach>, 
/**
 * The customer's birthday, when it falls near today (the note staff see).
 */
birthday_near: string | null, 
/**
 * What tills did at once while offline that could not all stand: balances
 * spent below zero, merges overruled.
 */
conflicts: Array<ConflictLine>, 
/**
 * Id.
 */
id: string, 
/**
 * Name.
 */
name: string | null, 
/**
 * Phone.
 */
phone: string | null, 
/**
 * Email.
 */
email: string | null, 
/**
 * Birthday.
 */
birthday: string | null, 
/**
 * Marketing consent.
 */
marketing_consent: boolean, 
/**
 * Tags.
 */
tags: Array<string>, 
/**
 * `active`, `merged` or `erased`.
 */
status: "active" | "merged" | "erased", 
/**
 * Where a merged record went.
 */
merged_into: string | null, 
/**
 * Non-voided visits.
 */
visits: number, 
/**
 * Lifetime spend, minor units.
 */
spend: number, 
/**
 * Last visit's business date.
 */
last_visit: string | null, 
/**
 * Cards that work (their ids).
 */
cards: Array<string>, 
/**
 * The same cards with what is printed on them.
 */
card_codes: Array<CardCodes>, };

export type ScannedCustomer = { 
/**
 * The card read (its 32-digit number).
 */
card: string, 
/**
 * The customer, with balances and what they can redeem now.
 */
customer: CustomerSummary, };

export type StaffMember = { 
/**
 * Their id: what events record as who did it.
 */
id: string, 
/**
 * The name on the sign-in list.
 */
name: string, 
/**
 * What they may do.
 */
role: Role, 
/**
 * True once removed: they cannot sign in, and stay listed in the audit.
 */
removed: boolean, };

export type SignedIn = { 
/**
 * Their id.
 */
staff: string, 
/**
 * Their name.
 */
name: string, 
/**
 * Their role when they signed in (every action checks it again).
 */
role: Role, };

export type StaffList = { 
/**
 * True when nobody is on the staff: the till runs open, no sign-in needed.
 */
runs_open: boolean, 
/**
 * Everyone on the staff now, by name.
 */
staff: Array<StaffMember>, };

export type AuditLine = { 
/**
 * The event, for actions recorded in the ledger; none for those that
 * write no event (exports, backups, rebuilds, demo data, pairing, card
 * sheets), which this till noted itself.
 */
event: string | null, 
/**
 * When, by the clock of the till that recorded it.
 */
at: string, 
/**
 * The same in the shop's time zone, `2026-12-03 07:05`.
 */
local_time: string, 
/**
 * Who did it (their name), or none when the till ran open.
 */
staff: string | null, 
/**
 * The event's kind (`adjusted`, `voided`, `staff_added`, …).
 */
kind: string, 
/**
 * The customer it was about, if any.
 */
customer: string | null, 
/**
 * What it was, in English words.
 */
what: string, };

export type ExampleProgram = { 
/**
 * Its id (`points-cafe`).
 */
id: string, 
/**
 * Its name (`Points Café`), in the four languages.
 */
name: Name, 
/**
 * What it does, from the catalogues (`example-<id>`): the comment that
 * opens the file says the same for whoever reads the file.
 */
summary: Message, 
/**
 * The program file, in the shop's currency.
 */
source: string, };

export type SaleItem = { 
/**
 * What the button says: the name as the program writes it.
 */
label: string, 
/**
 * What one tap adds to the visit (quantity 1; the screen counts taps).
 */
item: Item, };

export type OfferNow = { 
/**
 * The offer's id in the program.
 */
id: string, 
/**
 * What it gives, in the screen's language: "points ×2: before 9:00",
 * "+5 points: Student bonus", "coupon SPRING: +30 points: Spring coupon".
 */
what: Message, };

export type SaleSheet = { 
/**
 * Products and categories the program counts, in the program's order.
 */
items: Array<SaleItem>, 
/**
 * Offers running now for this customer (or for anyone, without one).
 */
offers: Array<OfferNow>, };

export type RebuildReport = { 
/**
 * Events read.
 */
events: number, 
/**
 * Customers in the rebuilt projection.
 */
customers: number, 
/**
 * Tables that differed (empty when the stored projections were right).
 */
differences: Array<TableDiff>, 
/**
 * True when the stored projections were replaced by the rebuilt ones.
 */
repaired: boolean, };

export type TableDiff = { 
/**
 * The table.
 */
table: string, 
/**
 * Rows the ledger implies that were missing.
 */
missing: number, 
/**
 * Rows stored that the ledger does not imply.
 */
extra: number, 
/**
 * Rows stored with other values.
 */
changed: number, 
/**
 * A few keys that differ, to look at.
 */
examples: Array<string>, };

export type CloseOfDay = { 
/**
 * The business day, `YYYY-MM-DD`; none: the current one (in the
 * location's time zone, from the hour its day starts), as far as it has gone.
 */
day?: string, };

export type CloseTableFile = { 
/**
 * The business day, `YYYY-MM-DD`; none: the current one.
 */
day?: string, 
/**
 * The table's id (`close-summary`, `close-by-hour`, …).
 */
table: string, 
/**
 * The reader's language (`en`, `pl`, `fr`, `ru`): the headings' words.
 */
language: string, };

export type Balances = { 
/**
 * Given by visits and enrolments (welcome offers) that stand.
 */
issued: number, 
/**
 * Taken by redemptions and donations that stand (stamps: turned into rewards).
 */
redeemed: number, };

export type CashbackFlow = { 
/**
 * Given by visits and milestones.
 */
issued: string, 
/**
 * Spent at the till.
 */
spent: string, };

export type RewardCount = { 
/**
 * The reward's id in the program.
 */
reward: string, 
/**
 * Its name in the program published now (null: no longer in it).
 */
name: Name | null, 
/**
 * Redemptions that stand.
 */
count: number, };

export type HourLine = { 
/**
 * The local hour, 0 to 23.
 */
hour: number, 
/**
 * Visits that stand.
 */
visits: number, 
/**
 * Their sales, a decimal string.
 */
sales: string, };

export type StaffLine = { 
/**
 * The staff member's id.
 */
staff: string | null, 
/**
 * Their name, as the roster knows it.
 */
name: string | null, 
/**
 * Visits recorded.
 */
visits: number, 
/**
 * Their sales, a decimal string.
 */
sales: string, 
/**
 * Points the visits they recorded gave.
 */
points_issued: number, 
/**
 * Redemptions they made.
 */
redeemed: number, };

export type VoidLine = { 
/**
 * The void.
 */
event: string, 
/**
 * The event it undid.
 */
target: string, 
/**
 * The customer.
 */
customer: string, 
/**
 * Their name (null when they have none, or were erased).
 */
name: string | null, 
/**
 * Who voided it (a name; null with nobody signed in).
 */
by: string | null, 
/**
 * Why.
 */
reason: string, 
/**
 * When, by the till's clock.
 */
at: string, 
/**
 * The same in the location's local time, `HH:MM`, as the close shows it.
 */
local_time: string, };

export type Adjustment = { 
/**
 * The adjustment.
 */
event: string, 
/**
 * The customer.
 */
customer: string, 
/**
 * Their name (null when they have none, or were erased).
 */
name: string | null, 
/**
 * The account (`points`, `stamps:coffee`, `cashback`, `voucher:…`).
 */
account: string, 
/**
 * The change (cashback in minor units).
 */
amount: number, 
/**
 * Who made it.
 */
by: string | null, 
/**
 * Why.
 */
reason: string, 
/**
 * When, by the till's clock.
 */
at: string, 
/**
 * The same in the location's local time, `HH:MM`, as the close shows it.
 */
local_time: string, };

export type Unusual = { 
/**
 * The customer.
 */
customer: string, 
/**
 * Their name (null when they have none, or were erased).
 */
name: string | null, 
/**
 * Their loyalty actions that day (visits, redemptions, adjustments, donations).
 */
actions: number, 
/**
 * The most the settings let pass.
 */
limit: number, };

export type OwnCustomerRedemptions = { 
/**
 * The staff member (their id).
 */
staff: string, 
/**
 * Their name.
 */
name: string | null, 
/**
 * The customer they enrolled.
 */
customer: string, 
/**
 * The customer's name (null when they have none, or were erased).
 */
customer_name: string | null, 
/**
 * Their redemptions for the customer over the window, the day's included.
 */
redemptions: number, 
/**
 * Of them, on the day.
 */
on_the_day: number, 
/**
 * The window, in business days.
 */
days: number, 
/**
 * The most the settings let pass.
 */
limit: number, };

export type PointsAboveVisits = { 
/**
 * The staff member (their id).
 */
staff: string, 
/**
 * Their name.
 */
name: string | null, 
/**
 * The points their visits issued.
 */
points_issued: number, 
/**
 * The points all the day's visits issued.
 */
points_total: number, 
/**
 * The visits they recorded.
 */
visits: number, 
/**
 * The day's visits.
 */
visits_total: number, 
/**
 * The most their points' share may be, in percent of their visits' share.
 */
limit_percent: number, };

export type DailyClose = { 
/**
 * The business day.
 */
business_day: string, 
/**
 * Its first instant (UTC).
 */
from: string, 
/**
 * The next business day's first instant (UTC).
 */
until: string, 
/**
 * Its length in hours: 24, or 23 and 25 across a daylight-saving change.
 */
hours: number, 
/**
 * The local hour it starts at (a chart of its hours starts there).
 */
day_starts_at: number, 
/**
 * The shop's currency, in which every amount is written.
 */
currency: string, 
/**
 * Visits that stand.
 */
visits: number, 
/**
 * Distinct members who visited or redeemed.
 */
customers: number, 
/**
 * Customers enrolled.
 */
enrolments: number, 
/**
 * Member sales: the visits' amounts, a decimal string.
 */
sales: string, 
/**
 * Sales ÷ visits, rounded to the nearest minor unit ("0.00" without visits).
 */
average_check: string, 
/**
 * Points issued and redeemed.
 */
points: Balances, 
/**
 * Stamps issued and turned into rewards.
 */
stamps: Balances, 
/**
 * Cashback issued and spent.
 */
cashback: CashbackFlow, 
/**
 * Rewards redeemed, by reward (most first).
 */
rewards: Array<RewardCount>, 
/**
 * Visits and sales by local hour (hours with visits only).
 */
by_hour: Array<HourLine>, 
/**
 * Each staff member's visits, sales, points issued and redemptions.
 */
by_staff: Array<StaffLine>, 
/**
 * Voids recorded on the day.
 */
voids: Array<VoidLine>, 
/**
 * Adjustments recorded on the day.
 */
adjustments: Array<Adjustment>, 
/**
 * Redemptions the server found overdrawn (two offline tills spent the
 * same balance), flagged on the day.
 */
conflicts: Array<string>, 
/**
 * What a manager should look at: customers with many loyalty actions.
 */
unusual: Array<Unusual>, 
/**
 * Staff members who redeem again and again for customers they enrolled.
 */
unusual_own_customers: Array<OwnCustomerRedemptions>, 
/**
 * Staff members whose visits issued far more points than their share of visits.
 */
unusual_points: Array<PointsAboveVisits>, 
/**
 * When this till last synced: the close holds every till's events up to then.
 */
last_sync: string | null, };

export type Cell = { "kind": "count", "value": number } | { "kind": "fraction", "value": string } | { "kind": "decimal", "value": string } | { "kind": "date", "value": string } | { "kind": "money", "value": string } | { "kind": "time", "value": string } | { "kind": "hour", "value": number } | { "kind": "text", "value": string } | { "kind": "label", "value": string } | { "kind": "name", "value": Name };

export type Table = { 
/**
 * Stable id: the file's name and the title's catalogue id
 * (`report-table-<id>`).
 */
id: string, 
/**
 * Column ids; each heading is `report-column-<id>` in the catalogues.
 */
columns: Array<string>, 
/**
 * The rows, each one cell per column.
 */
rows: Array<Array<Cell>>, 
/**
 * A manager should look at it (unusual activity, overdrawn redemptions):
 * the screens make it stand out.
 */
attention: boolean, };

export type CloseView = { 
/**
 * The close.
 */
close: DailyClose, 
/**
 * The current business day at the location (the latest a picker offers).
 */
today: string, 
/**
 * Its tables (`DailyClose::tables`).
 */
tables: Array<Table>, };

export type ReportFile = { 
/**
 * A name for it (`close-by-staff-2026-12-05.csv`).
 */
file_name: string, 
/**
 * Its text.
 */
text: string, };

export type KpisOver = { 
/**
 * The first business day, `YYYY-MM-DD`; none: 29 days before `to`
 * (a period of 30 days).
 */
from?: string, 
/**
 * The last business day, `YYYY-MM-DD` (may be the first); none: the
 * current business day.
 */
to?: string, };

export type KpisTableFile = { 
/**
 * The first business day, `YYYY-MM-DD`; none: as [`KpisOver`].
 */
from?: string, 
/**
 * The last business day, `YYYY-MM-DD`; none: the current one.
 */
to?: string, 
/**
 * The table's id (`kpis`, `kpis-by-day`).
 */
table: string, 
/**
 * The reader's language (`en`, `pl`, `fr`, `ru`): the headings' and the definitions' words.
 */
language: string, };

export type Period = { 
/**
 * The first business day.
 */
from: string, 
/**
 * The last business day.
 */
to: string, };

export type KpiUnit = "fraction" | "ratio" | "money";

export type KpiValue = number | string;

export type DayLine = { 
/**
 * The business day.
 */
day: string, 
/**
 * Visits that stand.
 */
visits: number, 
/**
 * Their sales, a decimal string.
 */
sales: string, 
/**
 * Points issued (visits and welcome offers).
 */
points_issued: number, 
/**
 * Points redeemed (rewards and donations).
 */
points_redeemed: number, 
/**
 * New members.
 */
enrolments: number, };

export type GoalStatus = "not_started" | "no_baseline" | "no_data" | "reached" | "on_track" | "behind" | "too_early" | "met" | "missed";

export type GoalReading = { 
/**
 * The window's last business day.
 */
day: string, 
/**
 * The KPI over the window (null: nothing to divide by).
 */
value: KpiValue | null, };

export type GoalProgress = { 
/**
 * The goal's id in the program.
 */
goal: string, 
/**
 * Its name.
 */
name: Name, 
/**
 * The KPI's id (`repeat_customer_rate`).
 */
kpi: string, 
/**
 * What the KPI's values measure.
 */
unit: KpiUnit, 
/**
 * Its first business day.
 */
starts: string, 
/**
 * The business day the target is for.
 */
by: string, 
/**
 * The days each reading covers.
 */
window_days: number, 
/**
 * The change asked for, in percent, when the goal is set as one.
 */
change_percent: number | null, 
/**
 * The KPI over the window ending the day before the goal starts.
 */
baseline: KpiValue | null, 
/**
 * The value to reach (null: a change with no baseline).
 */
target: KpiValue | null, 
/**
 * The latest reading's value.
 */
current: KpiValue | null, 
/**
 * The trend's line at `by` (null: too few readings, or the date passed).
 */
projected: KpiValue | null, 
/**
 * True when the target is above the baseline (or no baseline is known):
 * the KPI should rise.
 */
rising: boolean, 
/**
 * Where it stands.
 */
status: GoalStatus, 
/**
 * The readings, oldest first: the baseline, then about weekly up to
 * today or `by`, whichever comes first.
 */
trend: Array<GoalReading>, };

export type RewardPopularity = { 
/**
 * The reward's id in the program.
 */
reward: string, 
/**
 * Its name in the program published now (none: no longer in it).
 */
name: Name | null, 
/**
 * Its redemptions that stand in the period.
 */
count: number, 
/**
 * In the period before.
 */
previous: number, 
/**
 * Its share of the period's redemptions of every reward (none: nothing
 * was redeemed).
 */
share: number | null, };

export type Cohort = { 
/**
 * The month they joined, `YYYY-MM`.
 */
month: string, 
/**
 * How many joined in it.
 */
customers: number, 
/**
 * For each month since (0: the month they joined) up to the current
 * one, the share of them who visited in it; empty when nobody joined.
 */
retained: Array<number>, };

export type Kpi = { 
/**
 * Its stable id (`repeat_customer_rate`, `retention`, …).
 */
id: string, 
/**
 * What the value measures.
 */
unit: KpiUnit, 
/**
 * This period's value (null where it cannot be computed: nothing to divide by).
 */
value: KpiValue | null, 
/**
 * The previous period's value.
 */
previous: KpiValue | null, 
/**
 * The catalogue id of its definition in words.
 */
definition: string, 
/**
 * Why it has no value, where that is more than "nothing to divide by"
 * (a catalogue id: breakage in a program whose points never expire, or
 * still being counted).
 */
why: string | null, };

export type Kpis = { 
/**
 * The period.
 */
period: Period, 
/**
 * The period before it, of the same length.
 */
previous: Period, 
/**
 * The shop's currency.
 */
currency: string, 
/**
 * The KPIs, in a fixed order.
 */
kpis: Array<Kpi>, 
/**
 * Each business day of the period (days without activity too), oldest first.
 */
days: Array<DayLine>, 
/**
 * Reward popularity: each reward of the program (and any other
 * redeemed in the two periods), most redeemed first ([`rewards_of`];
 * asked on its own by the screens, empty in `Commands::kpi_figures`).
 */
rewards: Array<RewardPopularity>, 
/**
 * The program's goals and how each is going as of the current business
 * day, whatever the period (`super::goals`).
 */
goals: Array<GoalProgress>, 
/**
 * Monthly cohort retention as of the current business day, whatever
 * the period (`super::cohorts`).
 */
cohorts: Array<Cohort>, };

export type LiabilityKind = "points" | "stamps" | "cashback" | "voucher";

export type Valuation = { "state": "known", 
/**
 * The amount.
 */
amount: string, } | { "state": "no_cost", 
/**
 * Their names.
 */
rewards: Array<Name>, } | { "state": "no_price", 
/**
 * Their names.
 */
rewards: Array<Name>, } | { "state": "no_history" };

export type Total = { 
/**
 * The sum of the lines' known amounts, a decimal string.
 */
amount: string, 
/**
 * False when a line with something outstanding has no amount: the total
 * is then at least this.
 */
complete: boolean, };

export type LiabilityLine = { 
/**
 * The balance as the ledger writes it (`points`, `stamps:coffee`, `voucher:drink`).
 */
account: string, 
/**
 * Its kind.
 */
kind: LiabilityKind, 
/**
 * The stamp card's or the reward's name (none for points and cashback).
 */
name: Name | null, 
/**
 * Units outstanding (cashback in minor units), expired points left out.
 */
outstanding: number, 
/**
 * Customers holding some.
 */
customers: number, 
/**
 * Units ever issued to customers (adjustments left out).
 */
issued: number, 
/**
 * Units ever redeemed (adjustments left out).
 */
redeemed: number, 
/**
 * Points that expired unused.
 */
expired: number, 
/**
 * `redeemed ÷ issued`; none when nothing was issued.
 */
redemption_rate: number | null, 
/**
 * The probability that a unit is ever redeemed (see the module).
 */
redemption_probability: number | null, 
/**
 * At the rewards' menu price.
 */
face_value: Valuation, 
/**
 * At the rewards' cost to the shop, times the redemption rate.
 */
expected_cost: Valuation, 
/**
 * The face value times the probability of redemption.
 */
deferral: Valuation, 
/**
 * Units outstanding by age ([`AGES`]), youngest first.
 */
ages: Array<number>, };

export type Liability = { 
/**
 * The business day it is as of (expiry is counted to it).
 */
as_of: string, 
/**
 * The shop's currency.
 */
currency: string, 
/**
 * When this till last synced: other tills' events after it are not in it.
 */
last_sync: string | null, 
/**
 * One line per balance: points, each stamp card, cashback, each voucher.
 */
lines: Array<LiabilityLine>, 
/**
 * The age groups' ids, the columns of each line's `ages`.
 */
ages: Array<string>, 
/**
 * The face value of each age group, over the lines that have one.
 */
face_value_by_age: Array<string>, 
/**
 * The totals of the three values.
 */
face_value: Total, 
/**
 * See `face_value`.
 */
expected_cost: Total, 
/**
 * See `face_value`.
 */
deferral: Total, };

export type LiabilityView = { 
/**
 * The report.
 */
liability: Liability, 
/**
 * Its tables (`Liability::tables`).
 */
tables: Array<Table>, };

export type LiabilityTableFile = { 
/**
 * The table's id (`liability`, `liability-ages`).
 */
table: string, 
/**
 * The reader's language (`en`, `pl`, `fr`, `ru`): the headings' words.
 */
language: string, };

export type Segment = "new" | "occasional" | "regular" | "high_value" | "at_risk" | "lapsed";

export type SegmentRules = { 
/**
 * A customer with one visit at most is new for this many days after
 * joining (1 to 365).
 */
new_days: number, 
/**
 * With no visit for more than this many days a customer has lapsed (14
 * to 730, more than `new_days`).
 */
lapsed_days: number, 
/**
 * A recency score at most this (1 to 5) puts a regular or a high spender at risk.
 */
at_risk_recency: number, 
/**
 * A frequency score at least this (1 to 5) makes a regular.
 */
regular_frequency: number, 
/**
 * A spend score at least this (1 to 5) makes a high-value customer.
 */
high_value_spend: number, };

export type SegmentSize = { 
/**
 * The segment.
 */
segment: Segment, 
/**
 * Its customers.
 */
customers: number, 
/**
 * Its share of all customers; none when there are none.
 */
share: number | null, 
/**
 * What puts a customer in it, with the rules' numbers.
 */
definition: Message, };

export type SizesOn = { 
/**
 * The day.
 */
day: string, 
/**
 * Customers in each segment, in the order of [`SEGMENTS`].
 */
customers: Array<number>, };

export type ScoreRange = { 
/**
 * The lowest.
 */
low: number, 
/**
 * The highest.
 */
high: number, };

export type ScoreBand = { 
/**
 * The score, 1 to 5.
 */
score: number, 
/**
 * Days since the last visit of those with this recency score.
 */
days_since: ScoreRange | null, 
/**
 * Visits in the window of those with this frequency score.
 */
visits: ScoreRange | null, 
/**
 * Spend in the window of those with this spend score, in minor units.
 */
spend: ScoreRange | null, };

export type SegmentMove = { 
/**
 * Their segment by the saved rules.
 */
from: Segment, 
/**
 * Their segment by the proposed ones.
 */
to: Segment, 
/**
 * How many.
 */
customers: number, };

export type AtRiskCustomer = { 
/**
 * The record.
 */
customer: string, 
/**
 * Their name, if they gave one.
 */
name: string | null, 
/**
 * Their last visit.
 */
last_visit: string, 
/**
 * Days since.
 */
days_since: number, 
/**
 * Their usual gap: the median of the days between their visits.
 */
usual_gap: number, 
/**
 * Visits in the window.
 */
visits: number, 
/**
 * Spend in the window, a decimal string.
 */
spend: string, 
/**
 * What they hold now (see [`Segments::hold`]).
 */
points: number, 
/**
 * Stamps, on every card.
 */
stamps: number, 
/**
 * Cashback, a decimal string.
 */
cashback: string, 
/**
 * They agreed to marketing messages.
 */
consent: boolean, 
/**
 * Their phone, given only with their consent.
 */
phone: string | null, 
/**
 * Their e-mail, given only with their consent.
 */
email: string | null, };

export type Segments = { 
/**
 * The business day.
 */
as_of: string, 
/**
 * The currency of the spend.
 */
currency: string, 
/**
 * The last completed sync: other tills' customers as of then.
 */
last_sync: string | null, 
/**
 * The rules counted by.
 */
rules: SegmentRules, 
/**
 * The rules the till keeps.
 */
saved_rules: SegmentRules, 
/**
 * Customers counted.
 */
customers: number, 
/**
 * Each segment's size, in the order of [`SEGMENTS`].
 */
sizes: Array<SegmentSize>, 
/**
 * What each score stands for, 1 to 5.
 */
bands: Array<ScoreBand>, 
/**
 * The sizes at the end of each of the months before, then on the day,
 * oldest first, from the month the first customer joined.
 */
over_time: Array<SizesOn>, 
/**
 * Where `rules` differ from `saved_rules`: whom they move.
 */
moves: Array<SegmentMove>, 
/**
 * Everyone at risk (none erased), the biggest spenders first.
 */
at_risk: Array<AtRiskCustomer>, };

export type SegmentsBy = { 
/**
 * Proposed rules; none: the till's.
 */
rules?: SegmentRules, };

export type SegmentsView = { 
/**
 * The report, its `at_risk` cut to the first `listed`.
 */
segments: Segments, 
/**
 * Its tables (`Segments::tables`), the at-risk list cut likewise.
 */
tables: Array<Table>, 
/**
 * How many of the at-risk list are shown.
 */
listed: number, 
/**
 * How many are on it.
 */
at_risk: number, };

export type SegmentsTableFile = { 
/**
 * Proposed rules; none: the till's.
 */
rules?: SegmentRules, 
/**
 * The table's id (`segments`, `at-risk`, …).
 */
table: string, 
/**
 * The reader's language (`en`, `pl`, `fr`, `ru`): the headings' words.
 */
language: string, };

export type Group = { 
/**
 * Customers in it.
 */
customers: number, 
/**
 * Their visits in the dates.
 */
visits: number, 
/**
 * Their spend in the dates, a decimal string.
 */
spend: string, 
/**
 * Visits per customer; none for an empty group.
 */
visits_per_customer: number | null, 
/**
 * Spend per customer, a decimal string; none for an empty group.
 */
spend_per_customer: string | null, };

export type VisitsUplift = { 
/**
 * Exposed less held out.
 */
difference: number, 
/**
 * The interval's low end.
 */
low: number, 
/**
 * Its high end.
 */
high: number, 
/**
 * The difference as a share of the held-out mean; none when that is 0.
 */
relative: number | null, };

export type SpendUplift = { 
/**
 * Exposed less held out, a decimal string.
 */
difference: string, 
/**
 * The interval's low end.
 */
low: string, 
/**
 * Its high end.
 */
high: string, 
/**
 * The difference as a share of the held-out mean (a fraction, four
 * places); none when that is 0.
 */
relative: string | null, };

export type Uplift = { 
/**
 * In visits per customer.
 */
visits: VisitsUplift, 
/**
 * In spend per customer.
 */
spend: SpendUplift, };

export type OfferResult = { 
/**
 * The offer's id in the program.
 */
offer: string, 
/**
 * Its name.
 */
name: Name, 
/**
 * The share held out, in percent.
 */
holdout_percent: number, 
/**
 * The first business day measured: the offer's start.
 */
from: string, 
/**
 * The last: the offer's end, or the report's day while it runs.
 */
to: string, 
/**
 * Business days measured.
 */
days: number, 
/**
 * It runs on past the last day measured.
 */
running: boolean, 
/**
 * The customers it was given to (could be: it runs on their visits).
 */
exposed: Group, 
/**
 * The customers it held out.
 */
held_out: Group, 
/**
 * Both groups are big enough and the offer has run long enough.
 */
enough_data: boolean, 
/**
 * What the offer changed per customer; none without enough data.
 */
uplift: Uplift | null, };

export type OfferResults = { 
/**
 * The business day the report is made on.
 */
as_of: string, 
/**
 * The shop's currency (ISO code).
 */
currency: string, 
/**
 * When this till last synced: events of other tills after it are not in.
 */
last_sync: string | null, 
/**
 * The fewest customers in each group for an uplift.
 */
min_group: number, 
/**
 * The fewest days run for an uplift.
 */
min_days: number, 
/**
 * Each offer with a held-out group, in the program's order (one not
 * started yet is left out).
 */
offers: Array<OfferResult>, };

export type OffersView = { 
/**
 * The report.
 */
offers: OfferResults, 
/**
 * Its tables (`OfferResults::tables`).
 */
tables: Array<Table>, };

export type OffersTableFile = { 
/**
 * The table's id (`offers`, `offers-uplift`).
 */
table: string, 
/**
 * The reader's language (`en`, `pl`, `fr`, `ru`): the headings' words.
 */
language: string, };

export type JsonValue = number | string | boolean | Array<JsonValue> | { [key in string]: JsonValue } | null;

export type ErrorReport = { 
/**
 * The stable code to branch on.
 */
code: ErrorCode, 
/**
 * Words for the person, in English.
 */
message: string, 
/**
 * The same as a message id with arguments, for the person's language
 * (refusals and sign-in problems; `null` for the rest).
 */
what: Message | null, 
/**
 * The field at fault, for bad input.
 */
field: string | null, 
/**
 * What the code carries: a program's problems, a refusal's amounts, the
 * customers a typed code matches; `null` otherwise.
 */
detail: JsonValue, 
/**
 * True when sending the same request again later may succeed.
 */
retryable: boolean, };

export type ProblemKind = "not_a_database" | "damaged" | "read_only" | "disk_full" | "too_new" | "other";

export type BackupFile = { 
/**
 * Where it is.
 */
path: string, 
/**
 * Its file name.
 */
name: string, 
/**
 * When it was written (RFC 3339, UTC).
 */
modified: string, 
/**
 * Its size in bytes.
 */
bytes: number, };

export type StartupProblem = { 
/**
 * What kind of trouble.
 */
kind: ProblemKind, 
/**
 * The database's path.
 */
db: string, 
/**
 * The error in the engine's words (English), for support.
 */
detail: string, 
/**
 * Backups to restore from, newest first.
 */
backups: Array<BackupFile>, 
/**
 * Whether the file can be set aside or a backup restored: not when the
 * folder cannot be written or the disk is full (try again then).
 */
can_set_aside: boolean, };

export type PrintedCard = { 
/**
 * The card's number.
 */
card: string, 
/**
 * The typed code printed under its QR.
 */
typed: string, };

export type CardSheet = { 
/**
 * The page, as SVG.
 */
svg: string, 
/**
 * The cards on it.
 */
cards: Array<PrintedCard>, };

export type CardToPrint = { 
/**
 * The shop's name, printed on the card.
 */
shop: string, 
/**
 * The card's number.
 */
card: string, 
/**
 * The typed code printed under its QR, for when a scan fails.
 */
typed: string, 
/**
 * The QR of the card's signed code, an `<svg>` element for the page.
 */
qr_svg: string, };

export type CameraChoice = { 
/**
 * Its index, to choose it.
 */
index: number, 
/**
 * Its name.
 */
name: string, };

export type CameraSetting = { 
/**
 * The webcam's index in [`Commands::cameras`].
 */
index: number, 
/**
 * Width and height, one of [`CAMERA_RESOLUTIONS`]; none for the camera's own choice.
 */
resolution: [number, number] | null, };

export type CameraState = "starting" | "running" | "unavailable" | "ended";

export type CameraNow = { 
/**
 * Its state.
 */
state: CameraState, 
/**
 * The camera's name, or what went wrong.
 */
detail: string, 
/**
 * A retry is offered (see [`CameraState::can_retry`]).
 */
retry: boolean, };

export type CameraOverview = { 
/**
 * The webcams found.
 */
cameras: Array<CameraChoice>, 
/**
 * The manager's choice, if any.
 */
setting: CameraSetting | null, 
/**
 * The camera now.
 */
now: CameraNow, 
/**
 * Recorded frames play in place of a webcam.
 */
replay: boolean, };

export type ScanNotice = { "kind": "customer", 
/**
 * From the frame's arrival to the code decoded, in milliseconds.
 */
latency_ms: number, 
/**
 * The card and its customer (boxed: it is most of the notice's size).
 */
scanned: ScannedCustomer, } | { "kind": "refused", 
/**
 * From the frame's arrival to the code decoded, in milliseconds.
 */
latency_ms: number, 
/**
 * The code as read.
 */
code: string, 
/**
 * The code when it is a card code (`CP1.…`): a pre-printed card not
 * handed over yet is refused as unknown, and an open enrolment form
 * takes it as the card handed over.
 */
card: string | null, 
/**
 * Why.
 */
error: ErrorReport, } | { "kind": "pairing", 
/**
 * The pairing code, for the form's code field.
 */
code: string, 
/**
 * The server's address the QR carries, for the form's server field.
 */
server: string | null, } | { "kind": "camera" } & CameraNow;

export type Paired = { 
/**
 * The server.
 */
server: string, 
/**
 * This till's device id.
 */
device: string, 
/**
 * The merchant the till now belongs to.
 */
merchant: string, 
/**
 * The shop's name, from the server.
 */
shop_name: string, 
/**
 * True when the till was set up before and keeps (and sends) its history.
 */
kept_history: boolean, };

export type ParkedEvent = { 
/**
 * Its place in this till's stream.
 */
device_seq: number, 
/**
 * The event.
 */
event_id: string, 
/**
 * The server's reason.
 */
reason: string, 
/**
 * When the answer came (till clock).
 */
parked_at: string, };

export type HeldEvent = { 
/**
 * The event.
 */
event_id: string, 
/**
 * Its place in the server's stream.
 */
server_seq: number, 
/**
 * Why this till could not apply it.
 */
reason: string, 
/**
 * When it was first held (till clock).
 */
held_at: string, };

export type SyncOverview = { 
/**
 * Paired with a server.
 */
paired: boolean, 
/**
 * The server's address.
 */
server: string | null, 
/**
 * The merchant.
 */
merchant: string | null, 
/**
 * This till's events not yet acknowledged.
 */
waiting: number, 
/**
 * The server sequence applied so far.
 */
cursor: number, 
/**
 * When the last full round finished (till clock).
 */
last_sync: string | null, 
/**
 * Events the server refused, with its reasons.
 */
parked: Array<ParkedEvent>, 
/**
 * Other tills' events this till could not apply, held aside with the reason.
 */
held: Array<HeldEvent>, };

export type RefusedBy = "server" | "this_till";

export type RefusedEvent = { 
/**
 * The event.
 */
event_id: string, 
/**
 * Who refused it.
 */
refused_by: RefusedBy, 
/**
 * Its kind (`visit`, `redeemed`, …); none when its text is gone (its
 * customer was erased).
 */
kind: EventKind | null, 
/**
 * The customer it is about.
 */
customer: string | null, 
/**
 * That customer's name, when this till knows one.
 */
customer_name: string | null, 
/**
 * Who recorded it (their name).
 */
staff: string | null, 
/**
 * When it was recorded, in the shop's time zone (`2026-12-03 07:05`).
 */
recorded: string | null, 
/**
 * When it was refused, in the shop's time zone.
 */
refused: string, 
/**
 * The reason as the server or this till's fold gave it, in English: for
 * whoever looks into it (support), shown as it is.
 */
reason: string, };

export type SyncNoticeForScreen = { 
/**
 * What the round moved, when it finished (none after a failure, or
 * while a round is still under way).
 */
report: RoundReport | null, 
/**
 * The loop's status after it.
 */
status: SyncStatus, };

export type SyncStatus = { 
/**
 * The till is paired with a server.
 */
paired: boolean, 
/**
 * The last request reached the server.
 */
online: boolean, 
/**
 * This till's events not yet acknowledged by the server.
 */
waiting: number, 
/**
 * Events the server refused, parked with their reason.
 */
parked: number, 
/**
 * Other tills' events this till's fold could not apply, held aside and
 * tried again every round (never expected: a bug to report).
 */
held: number, 
/**
 * When the last full round (pushed and caught up) finished, till clock.
 */
last_sync: string | null, 
/**
 * The last error, until a round succeeds: the same report as any
 * command's error (its stable code, its words, whether a retry may help).
 */
last_error: ErrorReport | null, 
/**
 * Server clock minus till clock, seconds, at the last answer.
 */
clock_skew_seconds: number | null, 
/**
 * Set when the till's clock is far from the server's.
 */
clock_warning: string | null, 
/**
 * The server found this till's stream forked: it must be re-paired.
 * Cleared by the first round that succeeds (after pairing again).
 */
forked: boolean, 
/**
 * Set when sync has stopped on an error retrying cannot mend (a forked
 * or revoked till, an unknown token, another protocol): what staff must
 * do. The loop waits for a wake-up (after pairing again) instead of retrying.
 */
action_needed: string | null, 
/**
 * A pull with more pages to come (a till that just joined, or one back
 * after days offline): how far it has come. None between rounds and when
 * one page holds everything new.
 */
catch_up: CatchUp | null, };

export type CatchUp = { 
/**
 * The server sequence applied so far.
 */
applied: number, 
/**
 * The server's highest sequence when the last page came.
 */
of: number, 
/**
 * `applied` as a whole percentage of `of`, rounded down: 99 at most
 * while pages are still coming, so a bar never shows 100 % before it is.
 */
percent: number, };

export type RoundReport = { 
/**
 * Pushed events the server stored now.
 */
pushed: number, 
/**
 * Pushed events the server had already (resends).
 */
push_duplicates: number, 
/**
 * Pushed events the server refused (parked).
 */
parked: number, 
/**
 * Pulled events new to this till.
 */
pulled: number, 
/**
 * Pulled events this till had already.
 */
pull_duplicates: number, 
/**
 * Pulled events this till could not apply, held aside.
 */
held: number, 
/**
 * The server's highest sequence at the end.
 */
high_water: number, 
/**
 * Server clock minus till clock, seconds.
 */
clock_skew_seconds: number, };

export type DemoReport = { 
/**
 * Customers enrolled.
 */
customers: number, 
/**
 * Visits recorded.
 */
visits: number, 
/**
 * Redemptions.
 */
redemptions: number, 
/**
 * Voids.
 */
voids: number, 
/**
 * Events in all.
 */
events: number, };

export type ReportOf = { "report": "close" } & CloseOfDay | { "report": "kpis" } & KpisOver | { "report": "liability" } | { "report": "segments" } & SegmentsBy | { "report": "offers" };

export type ReportPdf = { 
/**
 * The report.
 */
report: ReportOf, 
/**
 * The reader's language (`en`, `pl`, `fr`, `ru`).
 */
language: string, };

export type Language = "en" | "pl" | "fr" | "ru";

export type Name = { 
/**
 * The program's `name`: shown in every language the program gives no
 * word for, and written into the ledger's English `why`.
 */
text: string, 
/**
 * The same name in other languages, from the program's `names`.
 */
translations?: { [key in Language]?: string }, };
