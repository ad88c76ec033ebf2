//! Reading QR codes from camera frames and image files.

mod decode;

pub use decode::{
    decode_image_file, decode_luma, decode_luma_in_order, load_luma, Decoded, DecoderEngine,
};
