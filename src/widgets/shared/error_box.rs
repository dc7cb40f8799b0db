use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorBoxProps {
    pub heading: AttrValue,
    pub message: AttrValue,
    pub retry_label: AttrValue,
    /// Offered for failures a retry can fix (network, server).
    #[prop_or_default]
    pub on_retry: Option<Callback<()>>,
}

/// A visible, announced error in place of the widget's content.
#[component]
pub fn ErrorBox(props: &ErrorBoxProps) -> Html {
    let retry = props.on_retry.clone().map(|on_retry| {
        let onclick = Callback::from(move |_: MouseEvent| on_retry.emit(()));
        html! { <button type="button" {onclick}>{ props.retry_label.clone() }</button> }
    });
    html! {
        <div class="alert" role="alert" part="error">
            <strong>{ props.heading.clone() }</strong>
            <p class="message">{ props.message.clone() }</p>
            { retry }
        </div>
    }
}
