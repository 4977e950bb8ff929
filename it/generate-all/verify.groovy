def log = new File(basedir, 'build.log').text
assert log.contains('GP Connect client generated (17 interactions)')
assert log.contains('GP Connect client generated (23 interactions)')
def generated = new File(basedir, 'target/generated-sources/gpconnect')
assert new File(generated, 'com/example/gpc127/GpConnectClient.java').isFile()
assert new File(generated, 'com/example/gpc162/documents/MigrateDocumentRequest.java').isFile()
assert !new File(generated, 'com/example/gpc127/documents').exists()
assert new File(basedir, 'target/classes/com/example/consumer/Consumer.class').isFile()
assert new File(basedir, 'target/classes/com/example/gpc162/appointments/SearchFreeSlotsRequest.class').isFile()
// typed bodies from each release's own OperationDefinition: 1.16.0 (release-1.5.0) has consultations, 1.12 does not
def bodies162 = new File(generated, 'com/example/gpc162/body/GetStructuredRecordParameters.java').text
def bodies127 = new File(generated, 'com/example/gpc127/body/GetStructuredRecordParameters.java').text
assert bodies162.contains('public GetStructuredRecordParameters includeConsultations(')
assert !bodies127.contains('includeConsultations')
assert new File(generated, 'com/example/gpc162/body/GpConnectAppointmentBuilder.java').isFile()
assert new File(generated, 'com/example/gpc162/codes/DeliveryChannel.java').isFile()
assert new File(basedir, 'target/classes/com/example/gpc127/body/CareConnectGpcPatientBuilder.class').isFile()
