//! What each ratio of the catalogue reads, as [`Need`]s, so that an import can say
//! which ratios a missing line item blocks.

use bilans_model::LineItem;
use bilans_ratios::{Expr, Ratio, catalogue};

use crate::import::Need;

/// One [`Need`] per ratio of the catalogue: the line items it cannot do without
/// (items counted as zero when absent are not needs), through the ratios it uses.
///
/// # Examples
///
/// ```
/// use bilans_model::LineItem;
/// use bilans_sheets::import::ratio_needs;
///
/// let needs = ratio_needs();
/// let roe = needs.iter().find(|need| need.name == "return_on_equity").unwrap();
/// assert!(roe.items.contains(&LineItem::NetIncome) && roe.items.contains(&LineItem::Equity));
/// ```
pub fn ratio_needs() -> Vec<Need> {
    catalogue()
        .iter()
        .map(|ratio| Need {
            name: ratio.id.name().to_owned(),
            items: items_of(ratio),
        })
        .collect()
}

fn items_of(ratio: &Ratio) -> Vec<LineItem> {
    let mut items: Vec<LineItem> = ratio.requires_positive.to_vec();
    collect(&ratio.expr, &mut items, 0);
    items.sort();
    items.dedup();
    items
}

/// Collects the items of `expr`; `depth` bounds the walk through ratios that use
/// ratios, so a cycle in the catalogue cannot loop.
fn collect(expr: &Expr, items: &mut Vec<LineItem>, depth: usize) {
    match expr {
        Expr::Item(item) => items.push(*item),
        Expr::Ratio(id) => {
            if depth < 16 {
                let ratio = id.ratio();
                items.extend_from_slice(ratio.requires_positive);
                collect(&ratio.expr, items, depth + 1);
            }
        }
        Expr::Add(left, right)
        | Expr::Sub(left, right)
        | Expr::Mul(left, right)
        | Expr::Div(left, right) => {
            collect(left, items, depth);
            collect(right, items, depth);
        }
        // Alternatives: any one present is enough, so none of them alone is needed.
        Expr::SumOfPresent(_) | Expr::FirstPresent(_) | Expr::Constant(_) | Expr::DaysInPeriod => {}
    }
}
