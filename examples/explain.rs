//! Prints the cues, speakers and statements the extractor finds in a text
//! read from standard input (one paragraph a line): a development aid.
use std::io::Read;

fn main() {
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_ok() {
        print!("{}", recoupe::claims::explain(&text));
    }
}
