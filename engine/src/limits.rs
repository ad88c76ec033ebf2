//! How long what people type may be: the engine refuses longer, and the
//! screens' fields stop there (`LIMITS` in the generated bindings), so the two
//! never disagree.

/// A shop's name.
pub const SHOP_NAME_CHARS: usize = 100;
/// A customer's name.
pub const CUSTOMER_NAME_CHARS: usize = 100;
/// A staff member's name, as the sign-in list shows it.
pub const STAFF_NAME_CHARS: usize = 40;
/// A till's name, as managers see it in the server's device list.
pub const TILL_NAME_CHARS: usize = 40;
/// The reason given for a void or an adjustment.
pub const REASON_CHARS: usize = 200;
/// One of a customer's tags.
pub const TAG_CHARS: usize = 30;
/// How many tags one customer may carry.
pub const TAGS: usize = 20;
/// A typed lookup (part of a name or phone).
pub const LOOKUP_CHARS: usize = 100;
/// A phone number as typed (digits, spaces, `+-().`; 6 to 15 digits).
pub const PHONE_CHARS: usize = 32;
/// An email address.
pub const EMAIL_CHARS: usize = 254;

/// Every limit by the name the screens use.
pub const ALL: &[(&str, usize)] = &[
    ("shop_name", SHOP_NAME_CHARS),
    ("customer_name", CUSTOMER_NAME_CHARS),
    ("staff_name", STAFF_NAME_CHARS),
    ("till_name", TILL_NAME_CHARS),
    ("reason", REASON_CHARS),
    ("tag", TAG_CHARS),
    ("tags", TAGS),
    ("lookup", LOOKUP_CHARS),
    ("phone", PHONE_CHARS),
    ("email", EMAIL_CHARS),
];
