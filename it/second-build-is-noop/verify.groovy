// The second build must say it is up to date for both executions, and compile the sources it did not rewrite.
def log = new File(basedir, 'build.log').text
assert log.contains('GP Connect client up to date (17 interactions): no input changed since the last run')
assert log.contains('GP Connect client up to date (23 interactions): no input changed since the last run')
assert new File(basedir, 'target/classes/com/example/consumer/Consumer.class').isFile()
