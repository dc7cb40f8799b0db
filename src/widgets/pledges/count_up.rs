//! A number that counts up to its new value (and jumps there under reduced motion).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::render::{request_animation_frame, AnimationFrame};
use yew::prelude::*;

use super::qualified;
use crate::model::pledges::{Figure, Qualifier};
use crate::model::Lang;
use crate::ui::format::Style;

#[derive(Properties, PartialEq)]
pub struct CountUpProps {
    pub figure: Figure,
    pub lang: Lang,
    pub style: Style,
}

const DURATION_MS: f64 = 1200.0;

fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches())
}

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Runs one animation step per frame until the target is reached.
fn step(
    shown: UseStateHandle<f64>,
    frame: Rc<RefCell<Option<AnimationFrame>>>,
    from: f64,
    to: f64,
    start: f64,
) {
    let next = frame.clone();
    let handle = request_animation_frame(move |_| {
        let t = ((now() - start) / DURATION_MS).clamp(0.0, 1.0);
        let eased = 1.0 - (1.0 - t).powi(3);
        shown.set(from + (to - from) * eased);
        if t < 1.0 {
            step(shown, next, from, to, start);
        } else {
            next.borrow_mut().take();
        }
    });
    *frame.borrow_mut() = Some(handle);
}

/// The headline total. Screen readers get the final value only (the polite live region
/// announces changes), never the frames in between.
#[component]
pub fn CountUp(props: &CountUpProps) -> Html {
    let shown = use_state(|| props.figure.value);
    let frame = use_mut_ref(|| None::<AnimationFrame>);
    {
        let shown = shown.clone();
        let frame = frame.clone();
        use_effect_with(props.figure.value, move |target| {
            let from = *shown;
            if (from - *target).abs() > f64::EPSILON {
                if reduced_motion() {
                    shown.set(*target);
                } else {
                    step(shown, frame.clone(), from, *target, now());
                }
            }
            // Dropping the handle cancels a running animation (unmount or a newer target).
            move || {
                frame.borrow_mut().take();
            }
        });
    }
    let animating = (*shown - props.figure.value).abs() > f64::EPSILON;
    let visible = Figure {
        value: *shown,
        qualifier: if animating { Qualifier::Exact } else { props.figure.qualifier },
    };
    html! {
        <>
            <span aria-hidden="true" data-testid="total" data-value={props.figure.value.to_string()}
                data-animating={animating.to_string()}>
                { qualified(props.lang, props.style, visible) }
            </span>
            <span class="sr-only">{ qualified(props.lang, props.style, props.figure) }</span>
        </>
    }
}
