//! `use_resource`: load and validate a data file when its URL changes.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::model::Error;

/// A data file: still loading, ready, or failed with a message for the reader.
#[derive(Debug)]
pub enum Resource<T> {
    Loading,
    Ready(Rc<T>),
    Failed(Rc<Error>),
}

impl<T> Clone for Resource<T> {
    fn clone(&self) -> Self {
        match self {
            Resource::Loading => Resource::Loading,
            Resource::Ready(value) => Resource::Ready(value.clone()),
            Resource::Failed(err) => Resource::Failed(err.clone()),
        }
    }
}

impl<T> PartialEq for Resource<T> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Resource::Loading, Resource::Loading) => true,
            (Resource::Ready(a), Resource::Ready(b)) => Rc::ptr_eq(a, b),
            (Resource::Failed(a), Resource::Failed(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

thread_local! {
    // Parsed files that never change while a page is open (SDG texts), shared by all widgets.
    static CACHE: RefCell<HashMap<String, Rc<dyn Any>>> = RefCell::new(HashMap::new());
}

/// What to load: the URL to fetch, the name to use in errors, and whether to share it
/// between widgets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub url: AttrValue,
    pub file: AttrValue,
    pub cache: bool,
    /// The largest file accepted, in bytes.
    pub limit: u32,
}

/// Fetches `request` (again whenever it or `attempt` changes) and parses it with `parse`.
/// While a new URL loads, the previous ready value stays, so a language switch does not flash.
#[hook]
pub fn use_resource<T, F>(request: Option<Request>, attempt: u32, parse: F) -> Resource<T>
where
    T: 'static,
    F: Fn(&str, &str) -> Result<T, Error> + 'static,
{
    let state = use_state(|| Resource::<T>::Loading);
    {
        let state = state.clone();
        use_effect_with((request, attempt), move |(request, _)| {
            let live = Rc::new(Cell::new(true));
            // Aborted when the widget goes (or the URL changes): no download for nobody.
            let cancel = web_sys::AbortController::new().ok();
            let signal = super::fetch::cancel_signal(cancel.as_ref());
            if let Some(request) = request.clone() {
                let cached = if request.cache {
                    CACHE.with(|c| c.borrow().get(request.url.as_str()).cloned())
                } else {
                    None
                };
                match cached.and_then(|any| any.downcast::<T>().ok()) {
                    Some(value) => state.set(Resource::Ready(value)),
                    None => {
                        if matches!(*state, Resource::Failed(_)) {
                            state.set(Resource::Loading);
                        }
                        let live = live.clone();
                        wasm_bindgen_futures::spawn_local(async move {
                            let result =
                                super::fetch::fetch_text(&request.url, &request.file, request.limit, &signal)
                                    .await
                                    .and_then(|text| parse(&request.file, &text));
                            if !live.get() {
                                return;
                            }
                            match result {
                                Ok(value) => {
                                    let value = Rc::new(value);
                                    if request.cache {
                                        let any: Rc<dyn Any> = value.clone();
                                        CACHE.with(|c| c.borrow_mut().insert(request.url.to_string(), any));
                                    }
                                    state.set(Resource::Ready(value));
                                }
                                Err(err) => state.set(Resource::Failed(Rc::new(err))),
                            }
                        });
                    }
                }
            }
            move || {
                live.set(false);
                if let Some(cancel) = cancel {
                    cancel.abort();
                }
            }
        });
    }
    (*state).clone()
}
