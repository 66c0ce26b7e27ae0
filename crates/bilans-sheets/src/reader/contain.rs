//! Containing a panic of the spreadsheet reader: calamine parses untrusted bytes, and a
//! malformed file must give a located error, never take the process down.
//!
//! The first call installs a panic hook that wraps the one in place: on a thread that is
//! inside [`contain`], the hook records where the reader failed instead of printing it;
//! on every other thread (and for every other panic) it calls the previous hook.

use std::any::Any;
use std::cell::RefCell;
use std::panic::{self, AssertUnwindSafe, PanicHookInfo};
use std::sync::Once;

/// Runs `read`; a panic becomes `Err` with what failed and where, e.g. `range end index
/// 6656 out of range for slice of length 3328 at calamine-0.38.0/src/cfb.rs:320`.
///
/// The value `read` was working on is left behind on a panic: callers drop it.
pub(crate) fn contain<T>(read: impl FnOnce() -> T) -> Result<T, String> {
    INSTALL_HOOK.call_once(install_hook);
    RECORDED.with(|slot| *slot.borrow_mut() = Some(None));
    let result = panic::catch_unwind(AssertUnwindSafe(read));
    let recorded = RECORDED.with(|slot| slot.borrow_mut().take()).flatten();
    result.map_err(|payload| recorded.unwrap_or_else(|| payload_text(payload.as_ref())))
}

thread_local! {
    /// `Some` while this thread is inside [`contain`]; then `Some(text)` once the hook
    /// has recorded a panic.
    static RECORDED: RefCell<Option<Option<String>>> = const { RefCell::new(None) };
}

static INSTALL_HOOK: Once = Once::new();

fn install_hook() {
    let previous = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        let recorded = RECORDED.with(|slot| match slot.try_borrow_mut() {
            Ok(mut slot) => match slot.as_mut() {
                Some(place) => {
                    *place = Some(describe(info));
                    true
                }
                None => false,
            },
            Err(_) => false,
        });
        if !recorded {
            previous(info);
        }
    }));
}

/// The panic message and its location, with the path cut to the crate folder.
fn describe(info: &PanicHookInfo<'_>) -> String {
    let message = payload_text(info.payload());
    match info.location() {
        Some(location) => {
            let parts: Vec<&str> = location.file().rsplit(['/', '\\']).take(3).collect();
            let file: Vec<&str> = parts.into_iter().rev().collect();
            format!("{message} at {}:{}", file.join("/"), location.line())
        }
        None => message,
    }
}

fn payload_text(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        return (*text).to_owned();
    }
    if let Some(text) = payload.downcast_ref::<String>() {
        return text.clone();
    }
    "an unknown failure".to_owned()
}
