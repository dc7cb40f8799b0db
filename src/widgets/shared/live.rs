//! `use_live_json`: a data file that is re-fetched every few seconds, for figures that change
//! while the room watches.
//!
//! Unchanged files cost a 304 (conditional requests). Failures keep the last good value and
//! back off exponentially with jitter; so do normal polls (±20 %), so thousands of viewers of
//! one file never poll in step. Polling pauses while the page is hidden and resumes at once
//! when it is shown again (`visibilitychange`).

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use super::fetch::{fetch_poll, Polled};
use crate::model::Error;

/// What the widget knows: the last good value, and whether the latest attempt failed.
#[derive(Debug)]
pub struct Live<T> {
    pub value: Option<Rc<T>>,
    /// The latest failure; cleared by the next success (200 or 304).
    pub error: Option<Rc<Error>>,
    /// `Date.now()` of the last successful answer.
    pub updated_at: Option<f64>,
}

impl<T> Clone for Live<T> {
    fn clone(&self) -> Self {
        Live { value: self.value.clone(), error: self.error.clone(), updated_at: self.updated_at }
    }
}

impl<T> PartialEq for Live<T> {
    fn eq(&self, other: &Self) -> bool {
        let same_value = match (&self.value, &other.value) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        let same_error = match (&self.error, &other.error) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        same_value && same_error && self.updated_at == other.updated_at
    }
}

/// Set once when this instance has trapped (`embed::stop_instance`): every poll loop ends at its
/// next step, even when Yew's scheduler, stuck by the trap, can no longer run the effects'
/// cleanups that `destroy()` asks for.
static STOPPED: AtomicBool = AtomicBool::new(false);

/// Ends every poll loop of this instance for good.
pub fn stop_all() {
    STOPPED.store(true, Ordering::Relaxed);
}

fn stopped() -> bool {
    STOPPED.load(Ordering::Relaxed)
}

/// Milliseconds to wait before the next poll.
pub fn next_delay(refresh_ms: f64, failures: u32, random: f64) -> f64 {
    if failures == 0 {
        refresh_ms * (0.8 + 0.4 * random)
    } else {
        let backoff = refresh_ms * f64::from(2u32.saturating_pow(failures.min(16)));
        // At most 16 intervals and at most 5 minutes (unless the interval itself is longer),
        // jitter included: between half the backoff and all of it.
        let cap = (refresh_ms * 16.0).min(300_000.0_f64.max(refresh_ms));
        backoff.min(cap) * (0.5 + 0.5 * random.clamp(0.0, 1.0))
    }
}

/// A sleep that the effect's cleanup can cut short (and whose timer it clears).
#[derive(Default)]
struct Sleeper {
    timer: Cell<Option<i32>>,
    wake: RefCell<Option<js_sys::Function>>,
}

impl Sleeper {
    async fn sleep(self: &Rc<Self>, ms: f64) {
        let me = self.clone();
        let promise = js_sys::Promise::new(&mut |resolve, _reject| {
            if let Some(window) = web_sys::window() {
                let id = window
                    .set_timeout_with_callback_and_timeout_and_arguments_0(
                        &resolve,
                        ms.clamp(0.0, 2e9) as i32,
                    )
                    .ok();
                me.timer.set(id);
            }
            *me.wake.borrow_mut() = Some(resolve);
        });
        let _ = JsFuture::from(promise).await;
        self.timer.set(None);
        self.wake.borrow_mut().take();
    }

    /// Ends the current sleep now (and clears its timer).
    fn wake(&self) {
        if let (Some(id), Some(window)) = (self.timer.take(), web_sys::window()) {
            window.clear_timeout_with_handle(id);
        }
        if let Some(wake) = self.wake.borrow_mut().take() {
            let _ = wake.call0(&JsValue::UNDEFINED);
        }
    }
}

fn page_hidden() -> bool {
    web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden())
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Loads `url` (named `file` in errors) and, when `refresh_s > 0`, keeps it current; a new
/// `attempt` (Retry) starts over at once.
#[hook]
pub fn use_live_json<T, F>(
    url: Option<AttrValue>,
    file: AttrValue,
    refresh_s: u32,
    attempt: u32,
    limit: u32,
    parse: F,
) -> Live<T>
where
    T: 'static,
    F: Fn(&str, &str) -> Result<T, Error> + 'static,
{
    let state = use_state(|| Live::<T> { value: None, error: None, updated_at: None });
    {
        let state = state.clone();
        use_effect_with((url, file, refresh_s, attempt, limit), move |(url, file, refresh_s, _, limit)| {
            let live = Rc::new(Cell::new(true));
            let sleeper = Rc::new(Sleeper::default());
            // Set while the loop waits out a hidden page: only then does coming back poll, once
            // (switching tabs during a normal interval, or back and forth, polls nothing extra).
            let parked = Rc::new(Cell::new(false));
            // Aborts the poll in flight when the widget goes.
            let cancel = web_sys::AbortController::new().ok();
            let signal = super::fetch::cancel_signal(cancel.as_ref());
            // Back on screen: poll at once instead of waiting out the sleep.
            let visibility = web_sys::window().and_then(|w| w.document()).map(|document| {
                let (sleeper, parked) = (sleeper.clone(), parked.clone());
                gloo::events::EventListener::new(&document, "visibilitychange", move |_| {
                    if !page_hidden() && parked.replace(false) {
                        sleeper.wake();
                    }
                })
            });
            if let Some(url) = url.clone() {
                let (file, refresh_ms, live, sleeper, limit) =
                    (file.clone(), f64::from(*refresh_s) * 1000.0, live.clone(), sleeper.clone(), *limit);
                let signal = signal.clone();
                let parse = Rc::new(parse);
                wasm_bindgen_futures::spawn_local(async move {
                    let mut current: Live<T> = Live { value: None, error: None, updated_at: None };
                    // The last text parsed: a poll that brings the same is not parsed again.
                    let mut last_text: Option<String> = None;
                    let mut failures = 0u32;
                    loop {
                        if stopped() {
                            return;
                        }
                        if refresh_ms > 0.0 && page_hidden() && current.value.is_some() {
                            // Woken early by the `visibilitychange` listener above.
                            parked.set(true);
                            sleeper.sleep(3_600_000.0).await;
                            parked.set(false);
                            if !live.get() || stopped() {
                                return;
                            }
                            continue;
                        }
                        // Loaded once: the same 30 s as every other file. Polling: two intervals,
                        // 5–30 s, so a slow answer never overlaps the next poll by much.
                        let timeout = if refresh_ms > 0.0 {
                            (refresh_ms * 2.0).clamp(5000.0, 30_000.0) as u32
                        } else {
                            super::fetch::LOAD_TIMEOUT_MS
                        };
                        let answer =
                            fetch_poll(&url, &file, last_text.as_deref(), timeout, limit, &signal).await;
                        if !live.get() || stopped() {
                            return;
                        }
                        let outcome = match answer {
                            Ok(Polled::Unchanged) => Ok(None),
                            Ok(Polled::Fresh(text)) => parse(&file, &text).map(|value| Some((value, text))),
                            Err(err) => Err(err),
                        };
                        match outcome {
                            Ok(fresh) => {
                                failures = 0;
                                if let Some((value, text)) = fresh {
                                    current.value = Some(Rc::new(value));
                                    last_text = Some(text);
                                }
                                current.error = None;
                                current.updated_at = Some(now());
                            }
                            Err(err) => {
                                failures = failures.saturating_add(1);
                                current.error = Some(Rc::new(err));
                            }
                        }
                        state.set(current.clone());
                        if refresh_ms <= 0.0 {
                            return;
                        }
                        sleeper.sleep(next_delay(refresh_ms, failures, js_sys::Math::random())).await;
                        if !live.get() || stopped() {
                            return;
                        }
                    }
                });
            }
            move || {
                live.set(false);
                if let Some(cancel) = cancel {
                    cancel.abort();
                }
                drop(visibility);
                sleeper.wake();
            }
        });
    }
    (*state).clone()
}

#[cfg(test)]
mod tests {
    use super::next_delay;

    #[test]
    fn polls_jitter_and_failures_back_off_to_a_cap() {
        let near = |a: f64, b: f64| (a - b).abs() < 1e-6;
        assert!(near(next_delay(15_000.0, 0, 0.0), 12_000.0));
        assert!(near(next_delay(15_000.0, 0, 1.0), 18_000.0));
        assert!(near(next_delay(15_000.0, 1, 1.0), 30_000.0));
        assert!(near(next_delay(15_000.0, 1, 0.0), 15_000.0));
        assert!(near(next_delay(15_000.0, 3, 1.0), 120_000.0));
        assert!(near(next_delay(15_000.0, 10, 1.0), 240_000.0));
        assert!(near(next_delay(60_000.0, 10, 1.0), 300_000.0));
    }

    /// The cap holds with the jitter, for every interval, failure count and random draw.
    #[test]
    fn backoff_never_exceeds_its_cap() {
        for refresh in [1_000.0, 15_000.0, 60_000.0, 600_000.0] {
            let cap = (refresh * 16.0_f64).min(300_000.0_f64.max(refresh));
            for failures in 1..40 {
                for step in 0..=20 {
                    let wait = next_delay(refresh, failures, f64::from(step) / 20.0);
                    assert!(
                        wait <= cap + 1e-6 && wait >= 0.0,
                        "{refresh} ms, {failures} failures: {wait} > {cap}"
                    );
                }
            }
        }
    }
}
