//! The files and language every part of a widget reads, shared through a Yew context instead
//! of the same three props on every component.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Lang, Matrix, SdgCatalog};

/// Provided by the matrix and forum apps (`ContextProvider<WidgetData>`), read with
/// [`use_widget_data`]. Comparing is cheap: the files are compared by pointer.
#[derive(Clone, Debug, PartialEq)]
pub struct WidgetData {
    pub matrix: Rc<Matrix>,
    pub catalog: Rc<SdgCatalog>,
    pub lang: Lang,
}

/// The widget's shared data; `None` only for a component used outside its app, which then
/// renders nothing rather than fail.
#[hook]
pub fn use_widget_data() -> Option<WidgetData> {
    use_context::<WidgetData>()
}
