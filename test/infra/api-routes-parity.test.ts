/**
 * The local stack (functions/src/local/routes.ts, what `npm start` and the handler tests serve) and the CDK
 * HTTP API must expose the same routes, with the same methods, the same public route and the same timeouts:
 * both are read from API_ROUTES, and this test checks what each of them actually builds.
 */
import { matchRoute, routes } from '#functions/local/routes';
import { synthesiseApp } from './synth-app';

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;

interface ExposedRoute {
  route: string;
  public: boolean;
  timeoutSeconds: number;
}

/** The routes the synthesised HTTP API serves, each with the timeout of the function behind it. */
function deployedRoutes(resources: Resources): ExposedRoute[] {
  const refOf = (target: unknown): string => ((target as { 'Fn::Join': [string, [string, { Ref: string }]] })['Fn::Join'][1][1].Ref);
  return Object.values(resources)
    .filter((resource) => resource.Type === 'AWS::ApiGatewayV2::Route')
    .map((route) => {
      const integration = resources[refOf(route.Properties.Target)];
      const functionId = (integration.Properties.IntegrationUri as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
      return {
        route: route.Properties.RouteKey as string,
        public: route.Properties.AuthorizationType === 'NONE',
        timeoutSeconds: resources[functionId].Properties.Timeout as number,
      };
    });
}

const byRoute = (a: ExposedRoute, b: ExposedRoute) => a.route.localeCompare(b.route);

describe('API routes: local stack and CDK HTTP API', () => {
  it('expose exactly the same routes, methods, public route and timeouts', () => {
    // Prepare
    const { api } = synthesiseApp({ stage: 'prod', overrides: { alarmEmail: 'ops@example.com' } });
    // Act
    const deployed = deployedRoutes(api.toJSON().Resources as Resources).sort(byRoute);
    const local = routes.map((r) => ({ route: `${r.method} ${r.path}`, public: r.public, timeoutSeconds: r.timeoutSeconds })).sort(byRoute);
    // Assess
    expect(local).toEqual(deployed);
    expect(deployed.filter((r) => r.public).map((r) => r.route)).toEqual(['GET /health']);
  });

  it('gives every local route its own handler, as each deployed route has its own function', () => {
    expect(new Set(routes.map((r) => r.handler)).size).toBe(routes.length);
    expect(routes.every((r) => typeof r.handler === 'function')).toBe(true);
  });

  it('matches a request path to its route and parameters locally as API Gateway does', () => {
    const matched = matchRoute('GET', '/templates/invite-daily/1.xlsx');
    expect([matched?.route.path, matched?.pathParameters]).toEqual(['/templates/{id}/{version}', { id: 'invite-daily', version: '1.xlsx' }]);
    expect(matchRoute('DELETE', '/templates/invite-daily/1')).toBeUndefined();
  });
});
