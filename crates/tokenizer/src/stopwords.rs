//! NLTK's English stopword list.
