//! A picture of the shapes in a broadcasting error: the shapes right-aligned axis by axis, as
//! broadcasting lines them up, with a caret under each axis whose sizes clash.
//!
//! ```text
//!   (3, 4)
//!   (   5)
//!       ^ mismatch in the last axis: 4 vs 5
//! ```

const PREFIX: &str = "operands could not be broadcast together with shapes ";

/// Parses `(3,4)`, `(5,)`, `()`.
fn parse_shape(token: &str) -> Option<Vec<usize>> {
    let inner = token.strip_prefix('(')?.strip_suffix(')')?;
    inner
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().ok())
        .collect()
}

/// `last axis`, `axis -2`.
fn axis_name(from_end: usize) -> String {
    if from_end == 1 {
        "the last axis".to_string()
    } else {
        format!("axis -{from_end}")
    }
}

/// The picture for NumPy's broadcasting message, or `None` for any other message.
pub fn picture(message: &str) -> Option<Vec<String>> {
    let rest = message.strip_prefix(PREFIX)?;
    let shapes: Vec<Vec<usize>> = rest
        .split_whitespace()
        .map(parse_shape)
        .collect::<Option<_>>()?;
    if shapes.len() < 2 {
        return None;
    }
    let ncols = shapes.iter().map(Vec::len).max().unwrap_or(0);
    if ncols == 0 {
        return None;
    }
    // Column k counts from the right: k = 0 is the last axis.
    let dim = |s: &Vec<usize>, k: usize| (k < s.len()).then(|| s[s.len() - 1 - k]);
    let widths: Vec<usize> = (0..ncols)
        .map(|k| {
            shapes
                .iter()
                .filter_map(|s| dim(s, k))
                .map(|d| d.to_string().len())
                .max()
                .unwrap_or(1)
        })
        .collect();
    let mut lines = Vec::new();
    // Character offset of each column's last digit, for the carets.
    let mut col_end = vec![0; ncols];
    for s in &shapes {
        let mut line = String::from("  (");
        for k in (0..ncols).rev() {
            let w = widths[k];
            match dim(s, k) {
                Some(d) => line.push_str(&format!("{d:>w$}")),
                None => line.push_str(&" ".repeat(w)),
            }
            col_end[k] = line.len() - 1;
            if k > 0 {
                let next_present = dim(s, k).is_some();
                line.push_str(if next_present { ", " } else { "  " });
            }
        }
        line.push(')');
        lines.push(line);
    }
    let mut clashes = Vec::new();
    for k in 0..ncols {
        let mut sizes: Vec<usize> = shapes
            .iter()
            .filter_map(|s| dim(s, k))
            .filter(|&d| d != 1)
            .collect();
        sizes.dedup();
        let mut distinct = sizes.clone();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() > 1 {
            let shown: Vec<String> = sizes.iter().map(|d| d.to_string()).collect();
            clashes.push((k, shown.join(" vs ")));
        }
    }
    if clashes.is_empty() {
        return Some(lines);
    }
    let mut marks = vec![b' '; col_end.iter().max().unwrap() + 1];
    for (k, _) in &clashes {
        marks[col_end[*k]] = b'^';
    }
    let words: Vec<String> = clashes
        .iter()
        .rev()
        .map(|(k, sizes)| format!("{}: {sizes}", axis_name(k + 1)))
        .collect();
    let what = if clashes.len() == 1 {
        format!("mismatch in {}", words[0])
    } else {
        format!("mismatches in {}", words.join(", "))
    };
    lines.push(format!(
        "{} {what}",
        String::from_utf8(marks).unwrap().trim_end()
    ));
    Some(lines)
}

#[cfg(test)]
mod tests {
    use super::picture;

    #[test]
    fn last_axis_mismatch() {
        let p =
            picture("operands could not be broadcast together with shapes (3,4) (5,) ").unwrap();
        assert_eq!(
            p,
            vec![
                "  (3, 4)",
                "  (   5)",
                "      ^ mismatch in the last axis: 4 vs 5",
            ]
        );
    }

    #[test]
    fn wide_columns_and_ones_broadcast() {
        let p = picture(
            "operands could not be broadcast together with shapes (2,1,30) (7,1) (10,1,1) ",
        )
        .unwrap();
        assert_eq!(
            p,
            vec![
                "  ( 2, 1, 30)",
                "  (    7,  1)",
                "  (10, 1,  1)",
                "    ^ mismatch in axis -3: 2 vs 10",
            ]
        );
    }

    #[test]
    fn several_mismatches_and_other_messages() {
        let p =
            picture("operands could not be broadcast together with shapes (2,3) (4,5) ").unwrap();
        assert_eq!(
            p[2],
            "   ^  ^ mismatches in axis -2: 2 vs 4, the last axis: 3 vs 5"
        );
        assert!(picture("cannot reshape array of size 6 into shape (4,)").is_none());
    }
}
