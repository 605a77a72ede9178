import { isValidIin } from '../../src/domain/iin';
import {
  createMockApp,
  MockProblem,
  type FieldError,
  type MockApp,
  type MockAppOptions,
  type StateDefinition,
} from '../core';

/**
 * The MAB mock (Mobile Citizens Base, МАБ / БМГ): the phone registered for an IIN. State is a map IIN → phone,
 * read in this order: provider-state overrides (set through `/__admin/states`), the `phones` seed, then the
 * population. A person without a phone answers 404, as MAB does; the flow then ends for that person.
 */

/** A phone registered in MAB. */
export interface MabPhone {
  /** E.164, `+77XXXXXXXXX`. */
  readonly phone: string;
  /** Date of registration, 'YYYY-MM-DD' (Astana). */
  readonly registeredAt?: string;
}

/**
 * What the MAB mock reads from the synthetic population (mocks/population implements it): the phone of a person,
 * or undefined when the person has none in MAB (or does not exist). Must be deterministic and cheap: it is
 * called on every lookup, up to 1000 times for one `POST /phones:search`.
 */
export interface PhonePopulation {
  phoneOf(iin: string): MabPhone | undefined;
}

/** Options of {@link createMabMock}: the framework's options plus MAB's own state. */
export interface MabMockOptions extends Omit<MockAppOptions, 'system' | 'handlers' | 'states' | 'onReset'> {
  /** The synthetic population; people not in it, in `phones` or in a provider state have no phone. */
  readonly population?: PhonePopulation;
  /** Seed phones by IIN (a bare string is the phone, without a registration date). */
  readonly phones?: Readonly<Record<string, MabPhone | string>>;
}

const PHONE = /^\+77[0-9]{9}$/;

/** Provider-state sentences of the MAB pacts. */
export const MAB_STATES = {
  hasPhone: 'a person with IIN {iin} has phone {phone} in MAB',
  hasNoPhone: 'a person with IIN {iin} has no phone in MAB',
  unavailable: 'MAB is unavailable',
} as const;

const UNAVAILABLE_FAULT = 'state:mab-unavailable';

/**
 * Creates the MAB mock app (serves `contracts/mab/openapi.yaml`: `GET /phones/{iin}`, `POST /phones:search`).
 * @throws Error when a seed phone or IIN is malformed.
 */
export function createMabMock(options: MabMockOptions = {}): MockApp {
  const seed = new Map<string, MabPhone>();
  for (const [iin, value] of Object.entries(options.phones ?? {})) {
    const record = typeof value === 'string' ? { phone: value } : value;
    if (!/^\d{12}$/.test(iin) || !PHONE.test(record.phone)) {
      throw new Error('MAB seed phones: keys must be 12-digit IINs and phones +77XXXXXXXXX');
    }
    seed.set(iin, record);
  }
  /** Provider-state overrides: a phone, or null for "has no phone". */
  const overrides = new Map<string, MabPhone | null>();

  const lookup = (iin: string): MabPhone | undefined => {
    const o = overrides.get(iin);
    if (o !== undefined) return o ?? undefined;
    return seed.get(iin) ?? options.population?.phoneOf(iin);
  };
  const record = (iin: string, p: MabPhone) => ({
    iin,
    phone: p.phone,
    ...(p.registeredAt === undefined ? {} : { registeredAt: p.registeredAt }),
  });

  const states: StateDefinition[] = [
    {
      sentence: MAB_STATES.hasPhone,
      patterns: { iin: '\\d{12}', phone: '\\+\\d+' },
      setup: ({ iin, phone }) => {
        if (!PHONE.test(phone!)) {
          throw MockProblem.validation([{ path: 'body/state', message: 'the phone must be +77XXXXXXXXX' }]);
        }
        // The sentence carries no date: the person registered the phone "today" in the simulated world.
        overrides.set(iin!, { phone: phone!, registeredAt: app.mock.clock.astanaDate() });
      },
      teardown: ({ iin }) => {
        overrides.delete(iin!);
      },
    },
    {
      sentence: MAB_STATES.hasNoPhone,
      patterns: { iin: '\\d{12}' },
      setup: ({ iin }) => {
        overrides.set(iin!, null);
      },
      teardown: ({ iin }) => {
        overrides.delete(iin!);
      },
    },
    {
      sentence: MAB_STATES.unavailable,
      setup: () => {
        app.mock.faults.add({ id: UNAVAILABLE_FAULT, kind: 'error', status: 503 });
      },
      teardown: () => {
        app.mock.faults.remove(UNAVAILABLE_FAULT);
      },
    },
  ];

  const app: MockApp = createMockApp({
    ...options,
    system: 'mab',
    states,
    onReset: () => overrides.clear(),
    handlers: {
      getPhoneByIin: (req) => {
        const iin = req.params.iin as string;
        if (!isValidIin(iin)) {
          throw MockProblem.validation([
            { path: 'path/iin', message: 'must be a valid IIN (birth date, century digit and check digit)' },
          ]);
        }
        const found = lookup(iin);
        if (!found) throw MockProblem.notFound('No phone is registered in MAB for this IIN');
        return { body: record(iin, found) };
      },
      searchPhones: (req) => {
        const iins = (req.body as { iins: string[] }).iins;
        const errors: FieldError[] = [];
        iins.forEach((iin, i) => {
          if (!isValidIin(iin)) errors.push({ path: `body/iins/${i}`, message: 'must be a valid IIN' });
        });
        if (errors.length > 0) throw MockProblem.validation(errors);
        const found: ReturnType<typeof record>[] = [];
        const notFound: string[] = [];
        for (const iin of new Set(iins)) {
          const p = lookup(iin);
          if (p) found.push(record(iin, p));
          else notFound.push(iin);
        }
        return { body: { found, notFound } };
      },
    },
  });
  return app;
}
