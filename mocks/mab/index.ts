export { createMabMock, MAB_STATES, type MabMockOptions, type MabPhone, type PhonePopulation } from './app';
