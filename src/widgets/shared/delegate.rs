//! One event listener for many elements: the element says who it is in `data-*` attributes.

use yew::prelude::*;

/// The element matching `selector` that the event came from (the target or an ancestor).
pub fn source_element(event: &Event, selector: &str) -> Option<web_sys::Element> {
    event.target_dyn_into::<web_sys::Element>()?.closest(selector).ok()?
}

/// The attribute `name` of that element, parsed.
pub fn source_data<T: std::str::FromStr>(element: &web_sys::Element, name: &str) -> Option<T> {
    element.get_attribute(name)?.parse().ok()
}
