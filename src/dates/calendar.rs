//! A proleptic Gregorian calendar date, enough for resolving news dates (no time zones).

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// A valid date, or `None` (`Date::new(2021, 2, 29)` is `None`).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil
        let y = if self.month <= 2 {
            self.year - 1
        } else {
            self.year
        } as i64;
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    pub fn from_days(z: i64) -> Date {
        let z = z + 719468;
        let era = if z >= 0 { z } else { z - 146096 } / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        Date {
            year: (if m <= 2 { y + 1 } else { y }) as i32,
            month: m,
            day: d,
        }
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    /// ISO weekday: Monday = 1 ... Sunday = 7.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (4)
        ((self.to_days() + 3).rem_euclid(7) + 1) as u32
    }

    /// ISO 8601 week-numbering year and week.
    pub fn iso_week(self) -> (i32, u32) {
        let thursday = self.add_days(4 - self.weekday() as i64);
        let jan1 = Date {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let week = ((thursday.to_days() - jan1.to_days()) / 7 + 1) as u32;
        (thursday.year, week)
    }
}

impl Date {
    /// `yyyy-mm-dd`, as `Display` writes it.
    pub fn iso(self) -> String {
        let mut s = String::with_capacity(10);
        self.push_iso(&mut s);
        s
    }

    /// `yyyy-mm-dd` after `out`'s text, without the formatting machinery: a value is written
    /// per date mention and per event row, and `write!` cost ~1,100 instructions a date.
    pub fn push_iso(self, out: &mut String) {
        push_padded(out, self.year.into(), 4);
        out.push('-');
        push_padded(out, self.month.into(), 2);
        out.push('-');
        push_padded(out, self.day.into(), 2);
    }
}

/// `n` in decimal, zero-padded to `width` digits: `write!(out, "{n:0width$}")`, with the
/// formatting machinery only for numbers outside 0..10000 (not in a news date).
pub fn push_padded(out: &mut String, n: i64, width: usize) {
    if !(0..10_000).contains(&n) || width > 4 {
        use fmt::Write;
        let _ = write!(out, "{n:0width$}");
        return;
    }
    let n = n as u32;
    let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let len = match n {
        0..=9 => 1,
        10..=99 => 2,
        100..=999 => 3,
        _ => 4,
    };
    for &d in &digits[4 - len.max(width)..] {
        out.push(char::from(b'0' + d as u8));
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_weekday() {
        let d = Date::new(2021, 8, 27).unwrap();
        assert_eq!(Date::from_days(d.to_days()), d);
        assert_eq!(d.weekday(), 5); // a Friday
        assert_eq!(Date::new(1970, 1, 1).unwrap().to_days(), 0);
        assert_eq!(
            Date::new(2020, 2, 29).unwrap().add_days(1),
            Date::new(2020, 3, 1).unwrap()
        );
        assert!(Date::new(2021, 2, 29).is_none());
        assert_eq!(Date::new(2021, 1, 3).unwrap().iso_week(), (2020, 53));
        assert_eq!(d.to_string(), "2021-08-27");
    }

    /// The hand-written digits against `format!`, at every width and across the range
    /// boundaries (negative and five-digit years take the `format!` path).
    #[test]
    fn padded_digits_and_iso_days_agree_with_format() {
        for n in (-1_100..12_000).chain([i64::MIN, -99_999, 99_999, i64::MAX]) {
            for width in 0..=6 {
                let mut s = String::from("x");
                push_padded(&mut s, n, width);
                assert_eq!(s, format!("x{n:0width$}"), "{n} width {width}");
            }
        }
        for days in (-800_000..800_000).step_by(97) {
            let d = Date::from_days(days);
            assert_eq!(d.iso(), d.to_string(), "{d:?}");
        }
    }
}
