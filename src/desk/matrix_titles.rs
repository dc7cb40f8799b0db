//! The matrix the desk names Action Lines from (their titles beside the codes in every
//! chooser): the open matrix file when one is open and sound, else the published one the page
//! names, fetched once (the widgets' own loader and cache). Codes alone while it loads.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::input::DEFAULT_MAX_BYTES;
use crate::model::matrix::Matrix;
use crate::widgets::shared::{use_resource, Request, Resource};

#[hook]
pub fn use_titles_matrix(src: AttrValue, open: Option<AttrValue>) -> Option<Rc<Matrix>> {
    let request = Request { url: src.clone(), file: src, cache: true, limit: DEFAULT_MAX_BYTES };
    let published = use_resource(Some(request), 0, Matrix::from_json);
    let opened = use_memo(open, |text| {
        text.as_deref().and_then(|t| Matrix::from_json("matrix.json", t).ok()).map(Rc::new)
    });
    match (&*opened, published) {
        (Some(open), _) => Some(open.clone()),
        (None, Resource::Ready(published)) => Some(published),
        (None, _) => None,
    }
}
