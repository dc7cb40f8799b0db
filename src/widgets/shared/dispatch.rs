//! Callbacks that turn a reader's event into a reducer action (as Yew's todomvc example does),
//! so components do not each clone a dispatcher into a closure.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// `make(event)` dispatched for each event.
pub fn dispatch_with<R, E>(
    dispatcher: &UseReducerDispatcher<R>,
    make: impl Fn(E) -> R::Action + 'static,
) -> Callback<E>
where
    R: Reducible + 'static,
    E: 'static,
{
    let dispatcher = dispatcher.clone();
    Callback::from(move |event: E| dispatcher.dispatch(make(event)))
}

/// The text of the input that fired, dispatched as `make(text)` (a search box's `oninput`).
pub fn dispatch_input<R>(
    dispatcher: &UseReducerDispatcher<R>,
    make: fn(String) -> R::Action,
) -> Callback<InputEvent>
where
    R: Reducible + 'static,
{
    let dispatcher = dispatcher.clone();
    Callback::from(move |event: InputEvent| {
        if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
            dispatcher.dispatch(make(input.value()));
        }
    })
}
