//! The scoring methods' words in each language: the message files `locales/*.toml`
//! (the Markdown reports' headings, headers and sentences), read through [`text`] and
//! [`message`].

bilans_model::message_files!();
