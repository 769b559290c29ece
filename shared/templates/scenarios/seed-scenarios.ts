// The four scenarios of the two source articles (the proxy-ID article and KB16008), in the order the walk panel lists them.
import { asymmetricProxyIdsOneWayScenario } from './asymmetric-proxy-ids-one-way';
import { proxyIdWithoutRouteScenario } from './proxy-id-without-route';
import { routeWithoutProxyIdScenario } from './route-without-proxy-id';
import type { SeedScenario } from './scenario';
import { screenosPre63WrongSaScenario } from './screenos-pre63-wrong-sa';

export const SEED_SCENARIOS: SeedScenario[] = [routeWithoutProxyIdScenario, proxyIdWithoutRouteScenario, screenosPre63WrongSaScenario, asymmetricProxyIdsOneWayScenario];
