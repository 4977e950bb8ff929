def log = new File(basedir, 'build.log').text
assert log.contains('GP Connect client generation skipped (gpconnect.skip)')
assert !new File(basedir, 'target/generated-sources/gpconnect').exists()
