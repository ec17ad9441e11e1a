//! The QR code an authenticator app scans, as an SVG image.

use qrcodegen::{QrCode, QrCodeEcc};

/// Modules of white space around the code, as the QR standard asks.
const QUIET_ZONE: i32 = 4;

/// An SVG of `text` as a QR code, or `None` when it is too long for one.
pub fn svg(text: &str) -> Option<String> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = code.size();
    let side = size + 2 * QUIET_ZONE;
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if code.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + QUIET_ZONE, y + QUIET_ZONE));
            }
        }
    }
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" shape-rendering=\"crispEdges\">\
         <rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>"
    ))
}

/// The SVG as a `data:` address for an `<img>` (the page policy allows `data:` images).
pub fn data_url(text: &str) -> Option<String> {
    use base64::Engine as _;
    svg(text).map(|svg| {
        format!("data:image/svg+xml;base64,{}", base64::engine::general_purpose::STANDARD.encode(svg))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_otpauth_address_becomes_an_svg_with_modules() {
        let svg = svg("otpauth://totp/Koers:femke?secret=GEZDGNBVGY3TQOJQ&issuer=Koers").expect("fits");
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.matches("h1v1h-1z").count() > 100, "a QR code has many dark modules");
        assert!(data_url("x").is_some_and(|url| url.starts_with("data:image/svg+xml;base64,")));
    }
}
