//! The catalogue of stemming algorithms: names that parse and print, and a description of each.

use std::fmt;
use std::str::FromStr;

use crate::Program;

/// A stemming algorithm, named as the command line names it.
///
/// ```
/// use stemkit_stemmer::Algorithm;
///
/// let algorithm: Algorithm = "porter-nltk".parse().unwrap();
/// assert_eq!(algorithm, Algorithm::PorterNltk);
/// assert_eq!(algorithm.to_string(), "porter-nltk");
/// assert_eq!("snowball-english".parse::<Algorithm>().unwrap(), Algorithm::Porter2);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Algorithm {
    /// NLTK's `PorterStemmer()` in its default mode, `NLTK_EXTENSIONS`.
    #[default]
    PorterNltk,
    /// NLTK's `PorterStemmer(mode=MARTIN_EXTENSIONS)`: Martin Porter's reference C implementation.
    PorterMartin,
    /// NLTK's `PorterStemmer(mode=ORIGINAL_ALGORITHM)`: the 1980 paper, equal to Snowball's `porter`.
    PorterOriginal,
    /// Current Snowball English (Porter2, the 2025 3.x revision), as PyStemmer 3.1 computes it.
    Porter2,
    /// NLTK's `SnowballStemmer("english")`: the Snowball English 2.x revision.
    Porter2Nltk,
    /// A Snowball program compiled by stemkit's Snowball compiler: any Snowball algorithm in
    /// any revision, named `french`, `english@2.2.0`, `german-nltk`, ... (see [`Program`]).
    Snowball(Program),
}

impl Algorithm {
    /// Every algorithm, in the order the command line lists them.
    pub const ALL: [Algorithm; 5] = [
        Algorithm::PorterNltk,
        Algorithm::PorterMartin,
        Algorithm::PorterOriginal,
        Algorithm::Porter2,
        Algorithm::Porter2Nltk,
    ];

    /// Every algorithm: [`Algorithm::ALL`], then every Snowball program.
    pub fn all() -> impl Iterator<Item = Algorithm> {
        Algorithm::ALL
            .into_iter()
            .chain(Program::ALL.into_iter().map(Algorithm::Snowball))
    }

    /// The algorithm's command-line name, such as `porter-nltk`.
    pub const fn name(self) -> &'static str {
        match self {
            Algorithm::Snowball(program) => program.name(),
            Algorithm::PorterNltk => "porter-nltk",
            Algorithm::PorterMartin => "porter-martin",
            Algorithm::PorterOriginal => "porter-original",
            Algorithm::Porter2 => "porter2",
            Algorithm::Porter2Nltk => "porter2-nltk",
        }
    }

    /// Other names the algorithm answers to.
    pub const fn aliases(self) -> &'static [&'static str] {
        match self {
            Algorithm::Porter2 => &["snowball-english"],
            // NLTK's `SnowballStemmer("english")` is the hand-written Porter2 of NLTK's revision,
            // with its three quirks; `english@2.0.0` is Snowball 2.0.0 itself.
            Algorithm::Porter2Nltk => &["english-nltk"],
            _ => &[],
        }
    }

    /// The algorithm computing NLTK 3.10.4's `SnowballStemmer(language)` exactly, where stemkit
    /// has one: `english` (NLTK's own Porter2 revision), `porter` (NLTK's `PorterStemmer()`), and
    /// each language with a `NAME-nltk` name, which reproduces NLTK on its vocabulary and on
    /// random strings alike (`hungarian-nltk`, exact on the vocabulary only, is left out).
    ///
    /// ```
    /// use stemkit_stemmer::Algorithm;
    ///
    /// assert_eq!(Algorithm::nltk_snowball("english"), Some(Algorithm::Porter2Nltk));
    /// assert_eq!(Algorithm::nltk_snowball("german"), "german-nltk".parse().ok());
    /// assert_eq!(Algorithm::nltk_snowball("french"), None);
    /// ```
    pub fn nltk_snowball(language: &str) -> Option<Algorithm> {
        match language {
            "english" => Some(Algorithm::Porter2Nltk),
            "porter" => Some(Algorithm::PorterNltk),
            "hungarian" => None,
            _ => format!("{language}-nltk").parse().ok(),
        }
    }

    /// One line saying what the algorithm computes and which reference it matches.
    pub const fn description(self) -> &'static str {
        match self {
            Algorithm::PorterNltk => {
                "Porter, NLTK's PorterStemmer() default mode (NLTK_EXTENSIONS); the default"
            }
            Algorithm::PorterMartin => {
                "Porter, NLTK's MARTIN_EXTENSIONS mode (Martin Porter's reference C version)"
            }
            Algorithm::PorterOriginal => {
                "Porter, NLTK's ORIGINAL_ALGORITHM mode (the 1980 paper; Snowball's porter)"
            }
            Algorithm::Porter2 => "Porter2, current Snowball English (3.x revision, PyStemmer 3.1)",
            Algorithm::Porter2Nltk => {
                "Porter2, NLTK's SnowballStemmer(\"english\") (Snowball English 2.x revision)"
            }
            Algorithm::Snowball(program) => program.description(),
        }
    }
}

impl fmt::Display for Algorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error for a name that is no algorithm's; its message lists the valid names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseAlgorithmError {
    name: String,
}

impl fmt::Display for ParseAlgorithmError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown algorithm `{}`; expected one of: ", self.name)?;
        let names: Vec<&str> = Algorithm::ALL.iter().map(|a| a.name()).collect();
        f.write_str(&names.join(", "))?;
        f.write_str(
            ", or a Snowball algorithm such as french, dutch_porter, english@2.2.0, german-nltk",
        )
    }
}

impl std::error::Error for ParseAlgorithmError {}

impl FromStr for Algorithm {
    type Err = ParseAlgorithmError;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Algorithm::ALL
            .into_iter()
            .find(|a| a.name() == name || a.aliases().contains(&name))
            .or_else(|| Program::from_name(name).map(Algorithm::Snowball))
            .ok_or_else(|| ParseAlgorithmError {
                name: name.to_owned(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_round_trips() {
        for algorithm in Algorithm::ALL {
            assert_eq!(algorithm.name().parse::<Algorithm>(), Ok(algorithm));
            for alias in algorithm.aliases() {
                assert_eq!(alias.parse::<Algorithm>(), Ok(algorithm));
            }
        }
    }

    #[test]
    fn unknown_names_list_the_valid_ones() {
        let error = "porter3".parse::<Algorithm>().unwrap_err();
        assert!(error.to_string().contains("porter2-nltk"), "{error}");
    }
}
