//! The deployment examples in deploy/ and the README say the same thing: the same policy, the wasm type,
//! the same caching. nginx's example is also served for real by the end-to-end tests (tests/e2e/deploy.rs);
//! Apache and IIS are not installed on the test machine, so here they are only read.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

const POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";
const HASHED: &str = r"-[0-9a-f]{8,}(_bg)?\.(js|css|wasm)$";
const LONG_LIVED: &str = "public, max-age=31536000, immutable";

fn read(file: &str) -> String {
    std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap()
}

#[test]
fn every_example_sets_the_policy_the_wasm_type_and_the_caching() {
    for file in ["deploy/nginx.conf", "deploy/apache.htaccess", "deploy/web.config"] {
        let text = read(file);
        assert_eq!(text.matches(POLICY).count(), 1, "{file}: the policy, once and word for word");
        assert!(text.contains("application/wasm"), "{file}: the wasm type");
        assert!(text.contains(HASHED) && text.contains(LONG_LIVED), "{file}: hashed files cached for a year");
        assert!(text.contains("no-cache") || text.contains("DisableCache"), "{file}: everything else revalidated");
        assert!(text.contains("nosniff"), "{file}");
    }
    assert!(read("deploy/apache.htaccess").contains("AddType application/wasm .wasm"));
    assert!(read("deploy/web.config").contains("<mimeMap fileExtension=\".wasm\" mimeType=\"application/wasm\" />"));
}

#[test]
fn the_readme_gives_the_same_policy_and_points_at_the_examples() {
    let readme = read("README.md");
    assert!(readme.contains(POLICY), "README: the policy");
    for file in ["deploy/nginx.conf", "deploy/apache.htaccess", "deploy/web.config", "portal-config.json", "<iframe"] {
        assert!(readme.contains(file), "README does not mention {file}");
    }
}

#[test]
fn the_iis_example_is_well_formed_xml() {
    // IIS refuses the whole folder (500.19) over a malformed web.config.
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("deploy/web.config");
    let status = std::process::Command::new("python3")
        .args(["-c", "import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])"])
        .arg(path)
        .status()
        .expect("python3 (scripts/setup installs it)");
    assert!(status.success(), "deploy/web.config is not well-formed XML");
}
