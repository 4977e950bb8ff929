def log = new File(basedir, 'build.log').text
assert log.contains('GP Connect client generated (17 interactions)')
assert log.contains('GP Connect client generated (23 interactions)')
def generated = new File(basedir, 'target/generated-sources/gpconnect')
assert new File(generated, 'com/example/gpc127/GpConnectClient.java').isFile()
assert new File(generated, 'com/example/gpc162/documents/MigrateDocumentRequest.java').isFile()
assert !new File(generated, 'com/example/gpc127/documents').exists()
assert new File(basedir, 'target/classes/com/example/consumer/Consumer.class').isFile()
assert new File(basedir, 'target/classes/com/example/gpc162/appointments/SearchFreeSlotsRequest.class').isFile()
