// The lock now lives in testkit, shared with the fault suite, which starts `lab demo` too.
export { lockDesignPorts } from '@tracecart/testkit';
