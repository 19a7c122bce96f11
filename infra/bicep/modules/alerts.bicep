// Azure Monitor alerts for the Azure deployment. Traces reach Application Insights through
// the Azure Monitor exporter (APPLICATIONINSIGHTS_CONNECTION_STRING): each HTTP server span
// becomes a row of AppRequests, named like the Prometheus route label ("GET /v1/athletes/:id")
// with the status in ResultCode. Container logs (one pino JSON line per request) land in
// ContainerAppConsoleLogs_CL. infra/RUNBOOK.md says what each alert means and what to do.
// The Prometheus rules in infra/prometheus/alerts.yml cover the same ground from /metrics.
param name string
param location string
param workspaceId string
param apiAppId string
param apiAppName string
param alertEmail string

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: '${name}-oncall'
  location: 'global'
  properties: {
    groupShortName: take(replace('${name}oc', '-', ''), 12)
    enabled: true
    emailReceivers: [
      {
        name: 'oncall'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// ItemCount undoes Application Insights sampling (OTEL_TRACES_SAMPLER_ARG < 1).
var logAlerts = [
  {
    key: 'http-5xx-ratio'
    displayName: 'Aria API: more than 5% of requests fail with 5xx'
    severity: 1
    window: 'PT10M'
    query: '''
AppRequests
| where AppRoleName == "aria-api"
| summarize total = sum(ItemCount), failed = sumif(ItemCount, toint(ResultCode) >= 500)
| where total >= 20 and todouble(failed) / total > 0.05
'''
  }
  {
    key: 'latency-p95'
    displayName: 'Aria API: p95 latency above 2 s'
    severity: 2
    window: 'PT15M'
    query: '''
AppRequests
| where AppRoleName == "aria-api" and Name !startswith "GET /health" and Name != "GET /metrics"
| summarize p95 = percentile(DurationMs, 95), total = sum(ItemCount)
| where total >= 20 and p95 > 2000
'''
  }
  {
    key: 'readiness-failing'
    displayName: 'Aria API: readiness probe answering 503'
    severity: 1
    window: 'PT10M'
    query: '''
AppRequests
| where AppRoleName == "aria-api" and Name == "GET /health/ready" and ResultCode == "503"
| summarize failures = sum(ItemCount)
| where failures >= 6
'''
  }
  {
    key: 'rate-limit-denials'
    displayName: 'Aria API: more than 20% of API calls refused with 429 RATE_LIMITED'
    severity: 3
    window: 'PT15M'
    query: '''
AppRequests
| where AppRoleName == "aria-api" and (Name contains " /v1/" or Name contains " /trpc/")
| summarize total = sum(ItemCount), limited = sumif(ItemCount, ResultCode == "429")
| where total >= 50 and todouble(limited) / total > 0.2
'''
  }
  {
    key: 'quota-denials'
    displayName: 'Aria API: more than 50 calls refused with 402 QUOTA_EXCEEDED in an hour'
    severity: 3
    window: 'PT1H'
    query: '''
AppRequests
| where AppRoleName == "aria-api" and ResultCode == "402"
| summarize refused = sum(ItemCount)
| where refused > 50
'''
  }
  {
    key: 'error-logs'
    displayName: 'Aria API: error or fatal log lines'
    severity: 2
    window: 'PT10M'
    query: '''
ContainerAppConsoleLogs_CL
| where ContainerAppName_s startswith "{{appPrefix}}" and ContainerName_s in ("api", "migrate", "worker")
| where Log_s has '"level":50' or Log_s has '"level":60'
| summarize lines = count()
| where lines >= 5
'''
  }
]

resource scheduledQueryAlerts 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = [
  for alert in logAlerts: {
    name: '${name}-${alert.key}'
    location: location
    properties: {
      displayName: alert.displayName
      description: 'See infra/RUNBOOK.md, "Alerts": ${alert.key}'
      severity: alert.severity
      enabled: true
      evaluationFrequency: 'PT5M'
      windowSize: alert.window
      scopes: [workspaceId]
      criteria: {
        allOf: [
          {
            // Multi-line strings do not interpolate: the app name prefix is filled in here.
            query: replace(alert.query, '{{appPrefix}}', '${name}-')
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: 0
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      autoMitigate: true
      actions: {
        actionGroups: [actionGroup.id]
      }
    }
  }
]

resource restartAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: '${name}-api-restarts'
  location: 'global'
  properties: {
    description: 'See infra/RUNBOOK.md, "Alerts": api-restarts (${apiAppName})'
    severity: 2
    enabled: true
    scopes: [apiAppId]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          name: 'restarts'
          criterionType: 'StaticThresholdCriterion'
          metricName: 'RestartCount'
          metricNamespace: 'Microsoft.App/containerApps'
          operator: 'GreaterThan'
          threshold: 2
          timeAggregation: 'Total'
        }
      ]
    }
    actions: [
      {
        actionGroupId: actionGroup.id
      }
    ]
  }
}
