//! Calendar dates as the sources give them: to the day (`2024-05-27`) or to the month (`2022-08`).

use std::fmt;

/// A date, possibly known only to the month. Ordered by time (a month sorts before its days).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    /// `None` when the source gives only the month.
    pub day: Option<u8>,
}

impl Date {
    /// Parses `YYYY-MM-DD` or `YYYY-MM`; checks the day exists in that month.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let (year, month) = (parts.next()?, parts.next()?);
        let day = parts.next();
        if parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.is_some_and(|d| d.len() != 2)
        {
            return None;
        }
        let year: u16 = year.parse().ok()?;
        let month: u8 = month.parse().ok()?;
        if !(1..=12).contains(&month) {
            return None;
        }
        let day = match day {
            None => None,
            Some(d) => {
                let d: u8 = d.parse().ok()?;
                if d == 0 || d > days_in_month(year, month) {
                    return None;
                }
                Some(d)
            }
        };
        Some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (the first of the month when the day is unknown), for time axes.
    pub fn days_since_epoch(self) -> i64 {
        let (y, m, d) = (i64::from(self.year), i64::from(self.month), i64::from(self.day.unwrap_or(1)));
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)?;
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_days_and_months() {
        assert_eq!(Date::parse("2024-05-27"), Some(Date { year: 2024, month: 5, day: Some(27) }));
        assert_eq!(Date::parse("2022-08"), Some(Date { year: 2022, month: 8, day: None }));
        assert_eq!(Date::parse("2024-02-29").map(|d| d.to_string()), Some("2024-02-29".into()));
        for bad in ["2023-02-29", "2024-13-01", "2024-5-27", "27/05/2024", "2024", "2024-05-27-1", ""] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn orders_by_time_and_counts_days() {
        let month = Date::parse("2022-08").unwrap();
        let day = Date::parse("2022-08-01").unwrap();
        assert!(month < day);
        assert!(Date::parse("2022-12-31").unwrap() < Date::parse("2023-01-01").unwrap());
        assert_eq!(Date::parse("1970-01-01").unwrap().days_since_epoch(), 0);
        assert_eq!(Date::parse("2024-05-27").unwrap().days_since_epoch(), 19_870);
    }
}
