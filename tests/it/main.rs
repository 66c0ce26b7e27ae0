//! Integration and snapshot tests of bilans over `fixtures/`: one module per capability.

mod analyse;
mod cli;
mod docs;
mod dupont;
mod entry;
mod formulas;
mod human_capital;
mod import;
mod kpi;
mod lang;
mod lang_cli;
mod limits;
mod liquidity;
mod partners;
mod real;
mod support;
mod tidy;
mod working_capital;
