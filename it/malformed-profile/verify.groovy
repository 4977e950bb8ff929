def log = new File(basedir, 'build.log').text
assert log.contains('GP Connect generation failed:')
assert log.contains('GPConnect-Appointment-1.xml: not a valid FHIR resource')
// Nothing half-written.
assert !new File(basedir, 'target/generated-sources/gpconnect').exists()
