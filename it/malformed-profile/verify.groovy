def log = new File(basedir, 'build.log').text
assert log.contains('GP Connect generation failed:')
assert log.contains('broken-appointment-profile.xml: not a valid FHIR resource')
// Nothing half-written.
assert !new File(basedir, 'target/generated-sources/gpconnect').exists()
