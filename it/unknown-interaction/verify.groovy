def log = new File(basedir, 'build.log').text
assert log.contains("includeInteractions: 'ReadPatinet' is not an interaction of the GP Connect 1.6.2 catalogue; nearest: foundations.ReadPatient")
assert !new File(basedir, 'target/generated-sources/gpconnect').exists()
