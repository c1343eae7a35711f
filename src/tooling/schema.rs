//! The JSON Schema of content.json, generated from the model's types so that it cannot drift from what
//! the portal reads. Editors' tools (VS Code, IntelliJ, …) find it through content.json's `"$schema"`
//! and then complete field names, show each field's help and flag mistakes as the editor types.
//!
//! Native only: the app in the browser never needs it, and schemars stays out of the wasm download.
//! The schema is a first line of help, not the judge: the validator (`content-check`) also checks what
//! a schema cannot, such as duplicate slugs, references and impossible dates.

use crate::content::model::Content;

/// The file name beside content.json, in the repository and in the built folder.
pub const SCHEMA_FILE_NAME: &str = "content.schema.json";

/// The schema as the pretty-printed JSON text written to content.schema.json, ending in a newline.
/// Draft-07, which every common editor understands.
pub fn content_schema_json() -> String {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    let mut schema = generator.into_root_schema_for::<Content>().to_value();
    unwrap_descriptions(&mut schema);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema is always JSON");
    text.push('\n');
    text
}

/// Doc comments wrap at the source's line width; an editor's tooltip should wrap at its own.
fn unwrap_descriptions(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            for (key, member) in map.iter_mut() {
                match member {
                    Value::String(text) if key == "description" => *text = text.replace('\n', " "),
                    _ => unwrap_descriptions(member),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(unwrap_descriptions),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn schema() -> Value {
        serde_json::from_str(&content_schema_json()).unwrap()
    }

    #[test]
    fn refuses_unknown_fields_and_describes_fields() {
        let schema = schema();
        assert_eq!(schema["additionalProperties"], false);
        assert_eq!(schema["properties"]["format_version"]["const"], 1);
        let news_item = &schema["definitions"]["NewsItem"];
        assert_eq!(news_item["additionalProperties"], false);
        let slug_help = news_item["properties"]["slug"]["description"].as_str().unwrap();
        assert!(slug_help.contains("lowercase") && !slug_help.contains('\n'), "{slug_help}");
        let required: Vec<_> = news_item["required"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        assert!(required.contains(&"source") && !required.contains(&"topics"), "{required:?}");
    }

    #[test]
    fn constrains_slugs_dates_and_links() {
        let schema = schema();
        let defs = &schema["definitions"];
        assert_eq!(defs["NewsItem"]["properties"]["slug"]["pattern"], crate::content::model::SLUG_PATTERN);
        assert_eq!(defs["NewsItem"]["properties"]["sections"]["items"]["pattern"], crate::content::model::SLUG_PATTERN);
        assert_eq!(defs["Term"]["properties"]["id"]["pattern"], crate::content::model::SLUG_PATTERN);
        assert!(defs["Date"]["pattern"].is_string());
        assert!(defs["Link"]["properties"]["href"]["pattern"].is_string());
    }
}
