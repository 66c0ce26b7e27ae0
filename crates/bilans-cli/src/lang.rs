//! The command's own messages per language (`locales/*.toml`): notes on standard
//! error, the error prefix, hints and the contexts of its errors.

bilans_model::message_files!();
