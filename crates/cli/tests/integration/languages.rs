//! Documents in other languages: `tokenize` and `process` with a non-English `--algorithm` cut
//! words as the language's users expect (Unicode words, lowercased as Python does), not into
//! ASCII letter runs.
//!
//! The texts are article 1 of the Universal Declaration of Human Rights in each language (for
//! French also a clause of its preamble, for `développement` and the elisions `qu'il`,
//! `d'encourager`), as the United Nations publish them. The expected tokens were written by hand
//! (the obvious word cuts, lowercased) and checked against Python 3.11's
//! `[w.lower() for w in re.findall(r"[\w\u064b-\u065f]+(?:'\w+)*", line)]`; the expected stems
//! are PyStemmer 3.1.0's `Stemmer.Stemmer(algorithm).stemWords(tokens)`, pasted here. None of
//! them comes from stemkit.

use crate::stemkit;

/// A short document in one language, its tokens per body line, and their stems.
struct Text {
    algorithm: &'static str,
    title: &'static str,
    body: &'static [&'static str],
    tokens: &'static [&'static str],
    stems: &'static str,
}

impl Text {
    fn document(&self) -> String {
        let mut text = format!("{}\n", self.title);
        for line in self.body {
            text.push_str(line);
            text.push('\n');
        }
        text
    }

    /// What `tokenize` writes: the title, then each line's tokens joined by spaces.
    fn tokenized(&self) -> String {
        let mut text = format!("{}\n", self.title);
        for line in self.tokens {
            text.push_str(line);
            text.push('\n');
        }
        text
    }

    /// What `process` writes: the title, then one stem per line.
    fn processed(&self) -> String {
        let mut text = format!("{}\n", self.title);
        for stem in self.stems.split(' ') {
            text.push_str(stem);
            text.push('\n');
        }
        text
    }
}

const TEXTS: &[Text] = &[
    Text {
        algorithm: "french",
        title: "Déclaration universelle des droits de l'homme",
        body: &[
            "Tous les êtres humains naissent libres et égaux en dignité et en droits. Ils sont doués de raison et de conscience et doivent agir les uns envers les autres dans un esprit de fraternité.",
            "Considérant qu'il est essentiel d'encourager le développement de relations amicales entre nations,",
        ],
        tokens: &[
            "tous les êtres humains naissent libres et égaux en dignité et en droits ils sont doués de raison et de conscience et doivent agir les uns envers les autres dans un esprit de fraternité",
            "considérant qu'il est essentiel d'encourager le développement de relations amicales entre nations",
        ],
        stems: "tous le être humain naissent libr et égal en dignit et en droit il sont dou de raison et de conscienc et doivent agir le un enver le autr dan un esprit de fratern consider il est essentiel encourag le développ de relat amical entre nation",
    },
    Text {
        algorithm: "german",
        title: "Allgemeine Erklärung der Menschenrechte",
        body: &[
            "Alle Menschen sind frei und gleich an Würde und Rechten geboren. Sie sind mit Vernunft und Gewissen begabt und sollen einander im Geist der Brüderlichkeit begegnen.",
        ],
        tokens: &[
            "alle menschen sind frei und gleich an würde und rechten geboren sie sind mit vernunft und gewissen begabt und sollen einander im geist der brüderlichkeit begegnen",
        ],
        stems: "all mensch sind frei und gleich an wurd und recht gebor sie sind mit vernunft und gewiss begabt und soll einand im geist der bruder begegn",
    },
    Text {
        algorithm: "russian",
        title: "Всеобщая декларация прав человека",
        body: &[
            "Все люди рождаются свободными и равными в своем достоинстве и правах. Они наделены разумом и совестью и должны поступать в отношении друг друга в духе братства.",
        ],
        tokens: &[
            "все люди рождаются свободными и равными в своем достоинстве и правах они наделены разумом и совестью и должны поступать в отношении друг друга в духе братства",
        ],
        stems: "все люд рожда свободн и равн в сво достоинств и прав он надел разум и совест и должн поступа в отношен друг друг в дух братств",
    },
    Text {
        algorithm: "greek",
        title: "Οικουμενική Διακήρυξη για τα Δικαιώματα του Ανθρώπου",
        body: &[
            "Όλοι οι άνθρωποι γεννιούνται ελεύθεροι και ίσοι στην αξιοπρέπεια και τα δικαιώματα. Είναι προικισμένοι με λογική και συνείδηση, και οφείλουν να συμπεριφέρονται μεταξύ τους με πνεύμα αδελφοσύνης.",
        ],
        tokens: &[
            "όλοι οι άνθρωποι γεννιούνται ελεύθεροι και ίσοι στην αξιοπρέπεια και τα δικαιώματα είναι προικισμένοι με λογική και συνείδηση και οφείλουν να συμπεριφέρονται μεταξύ τους με πνεύμα αδελφοσύνης",
        ],
        stems: "ολ οι ανθρωπ γενν ελευθερ κα ισ στην αξιοπρεπει κα τα δικαιωμ εινα προικισμεν με λογικ κα συνειδησ κα οφειλ να συμπεριφερ μεταξ τ με πνευμ αδελφοσυν",
    },
    Text {
        algorithm: "arabic",
        title: "الإعلان العالمي لحقوق الإنسان",
        body: &[
            "يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق. وقد وهبوا عقلاً وضميرًا وعليهم أن يعامل بعضهم بعضًا بروح الإخاء.",
        ],
        tokens: &[
            "يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق وقد وهبوا عقلاً وضميرًا وعليهم أن يعامل بعضهم بعضًا بروح الإخاء",
        ],
        stems: "يولد جميع ناس احرار متساو في كرام والحقوق وقد وهب عقل ضمير وعل ان يعامل بعض بعض روح اخاء",
    },
    Text {
        algorithm: "spanish",
        title: "Declaración Universal de los Derechos Humanos",
        body: &[
            "Todos los seres humanos nacen libres e iguales en dignidad y derechos y, dotados como están de razón y conciencia, deben comportarse fraternalmente los unos con los otros.",
        ],
        tokens: &[
            "todos los seres humanos nacen libres e iguales en dignidad y derechos y dotados como están de razón y conciencia deben comportarse fraternalmente los unos con los otros",
        ],
        stems: "tod los ser human nac libr e igual en dignid y derech y dot com estan de razon y concienci deb comport fraternal los unos con los otros",
    },
    Text {
        algorithm: "turkish",
        title: "İnsan Hakları Evrensel Beyannamesi",
        body: &[
            "Bütün insanlar hür, haysiyet ve haklar bakımından eşit doğarlar. Akıl ve vicdana sahiptirler ve birbirlerine karşı kardeşlik zihniyeti ile hareket etmelidirler.",
        ],
        tokens: &[
            "bütün insanlar hür haysiyet ve haklar bakımından eşit doğarlar akıl ve vicdana sahiptirler ve birbirlerine karşı kardeşlik zihniyeti ile hareket etmelidirler",
        ],
        stems: "büt in hür haysiyet ve hak bakım eşit doğar akıl ve vicda sahip ve birbir karşı kardeşlik zihniyet il hareket etmeli",
    },
];

fn run(args: &[&str], stdin: &str) -> String {
    let output = stemkit().args(args).write_stdin(stdin).output().unwrap();
    assert!(output.status.success(), "{args:?}: {output:?}");
    assert!(output.stderr.is_empty(), "{args:?}: {output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn texts_are_consistent() {
    for text in TEXTS {
        let tokens: usize = text.tokens.iter().map(|l| l.split(' ').count()).sum();
        assert_eq!(tokens, text.stems.split(' ').count(), "{}", text.algorithm);
        assert_eq!(text.body.len(), text.tokens.len(), "{}", text.algorithm);
    }
}

#[test]
fn unicode_words_are_the_languages_words() {
    for text in TEXTS {
        let output = run(&["tokenize", "--unicode"], &text.document());
        assert_eq!(output, text.tokenized(), "{}", text.algorithm);
    }
}

#[test]
fn ascii_letter_runs_cut_french_apart() {
    let output = run(&["tokenize"], "t\nle développement\n");
    assert_eq!(output, "t\nle d veloppement\n");
}

#[test]
fn a_non_english_algorithm_cuts_and_stems_its_language() {
    for text in TEXTS {
        let document = text.document();
        let tokens = run(&["tokenize", "--algorithm", text.algorithm], &document);
        assert_eq!(
            tokens,
            text.tokenized(),
            "tokenize --algorithm {}",
            text.algorithm
        );
        let stems = run(&["process", "--algorithm", text.algorithm], &document);
        assert_eq!(
            stems,
            text.processed(),
            "process --algorithm {}",
            text.algorithm
        );
        let explicit = run(
            &["process", "--unicode", "--algorithm", text.algorithm],
            &document,
        );
        assert_eq!(
            explicit, stems,
            "--unicode changes nothing for {}",
            text.algorithm
        );
    }
}

#[test]
fn help_says_what_a_non_english_algorithm_does_to_documents() {
    for command in ["process", "tokenize"] {
        let help = run(&[command, "--help"], "");
        assert!(
            help.contains("implies --unicode"),
            "{command} --help:\n{help}"
        );
    }
}
