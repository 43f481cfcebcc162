// The describer's door to @peculiar/x509: its dependency injection (tsyringe) needs the Reflect
// metadata API, which reflect-metadata provides; it must load before the library.
import 'reflect-metadata';

export { Pkcs10CertificateRequest, SubjectAlternativeNameExtension } from '@peculiar/x509';
