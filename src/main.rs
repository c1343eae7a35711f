fn main() {
    integration_portal::app::start();
}
