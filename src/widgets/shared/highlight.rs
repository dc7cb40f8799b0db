use yew::prelude::*;

use crate::model::text::{split_matches, Needle};

/// `text` with every match of `needle` in a `<mark>`. Data stays text: no markup is parsed.
pub fn highlight(text: &str, needle: Option<&Needle>) -> Html {
    split_matches(text, needle)
        .into_iter()
        .map(|(piece, hit)| {
            if hit {
                html! { <mark>{ piece.to_owned() }</mark> }
            } else {
                html! { { piece.to_owned() } }
            }
        })
        .collect()
}
