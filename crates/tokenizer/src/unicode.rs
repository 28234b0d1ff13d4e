//! Unicode (UAX #29) words.
