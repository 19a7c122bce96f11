// Container Apps: the environment, the API (with its serverless-redis-http sidecar), the
// migration job, and the optional background worker. Every secret is a Key Vault reference
// read with the user-assigned identity; no value passes through this template.
param name string
param location string
param workspaceName string
param identityId string
param registryLoginServer string
param keyVaultUri string
param appInsightsConnectionString string

@description('Image the API runs (registry/aria-api:tag).')
param apiImage string
@description('Image the migration job (and the worker) runs; the deploy runs the job before moving the API to it.')
param jobImage string
param srhImage string

param apiCpu string
param apiMemory string
param minReplicas int
param maxReplicas int
@description('Concurrent requests per replica before the HTTP rule adds one.')
param concurrentRequests int
param corsOrigins string
param logLevel string
param databasePoolMax int
param otelSampleRatio string

@description('Deploy the background worker app (dist/worker.js); the API then leaves the jobs to it.')
param deployWorker bool
param workerCommand array

@description('Provider secrets present in Key Vault, as { env, secret } pairs (e.g. OPENAI_API_KEY / openai-api-key).')
param optionalSecrets array

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: workspaceName
}

resource managedEnvironment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${name}-env'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
    ]
  }
}

var requiredSecrets = [
  { env: 'DATABASE_URL', secret: 'database-url' }
  { env: 'JWT_SECRET', secret: 'jwt-secret' }
  { env: 'INTERNAL_API_KEY', secret: 'internal-api-key' }
  { env: 'UPSTASH_REDIS_REST_TOKEN', secret: 'srh-token' }
]
var appSecrets = concat(requiredSecrets, optionalSecrets)

var keyVaultSecretRefs = [
  for item in union(appSecrets, [{ env: 'SRH_CONNECTION_STRING', secret: 'redis-connection-string' }]): {
    name: item.secret
    keyVaultUrl: '${keyVaultUri}secrets/${item.secret}'
    identity: identityId
  }
]

// For-expressions cannot sit inside a function call, hence a variable of their own.
var secretEnv = [for item in appSecrets: { name: item.env, secretRef: item.secret }]

var appEnv = concat(
  [
    { name: 'NODE_ENV', value: 'production' }
    { name: 'PORT', value: '8000' }
    { name: 'LOG_LEVEL', value: logLevel }
    { name: 'DATABASE_POOL_MAX', value: string(databasePoolMax) }
    // The SRH sidecar shares the replica's network namespace.
    { name: 'UPSTASH_REDIS_REST_URL', value: 'http://localhost:80' }
    { name: 'CORS_ORIGINS', value: corsOrigins }
    { name: 'MIGRATE_ON_START', value: 'false' }
    { name: 'OTEL_SERVICE_NAME', value: 'aria-api' }
    { name: 'OTEL_TRACES_SAMPLER_ARG', value: otelSampleRatio }
    { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
  ],
  secretEnv
)

var versionOf = {
  api: last(split(apiImage, ':'))
  job: last(split(jobImage, ':'))
}

var srhSidecar = {
  name: 'srh'
  image: srhImage
  resources: {
    cpu: json('0.25')
    memory: '0.5Gi'
  }
  env: [
    { name: 'SRH_MODE', value: 'env' }
    { name: 'SRH_TOKEN', secretRef: 'srh-token' }
    { name: 'SRH_CONNECTION_STRING', secretRef: 'redis-connection-string' }
  ]
}

var registries = [
  {
    server: registryLoginServer
    identity: identityId
  }
]

resource api 'Microsoft.App/containerApps@2024-03-01' = {
  name: '${name}-api'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: managedEnvironment.id
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 8000
        transport: 'auto'
        allowInsecure: false
      }
      registries: registries
      secrets: keyVaultSecretRefs
    }
    template: {
      containers: [
        {
          name: 'api'
          image: apiImage
          resources: {
            cpu: json(apiCpu)
            memory: apiMemory
          }
          env: concat(appEnv, [
            { name: 'ARIA_VERSION', value: versionOf.api }
            // Without a worker app the API works the background jobs itself.
            { name: 'JOBS_IN_PROCESS', value: deployWorker ? 'false' : 'true' }
          ])
          probes: [
            {
              type: 'Startup'
              httpGet: {
                path: '/health/startup'
                port: 8000
              }
              initialDelaySeconds: 1
              periodSeconds: 2
              timeoutSeconds: 2
              failureThreshold: 30
            }
            {
              type: 'Liveness'
              httpGet: {
                path: '/health/live'
                port: 8000
              }
              periodSeconds: 10
              timeoutSeconds: 2
              failureThreshold: 3
            }
            {
              // /health/ready checks PostgreSQL and Redis (2 s each) and answers 503 while
              // draining after SIGTERM, so traffic leaves a stopping replica first.
              type: 'Readiness'
              httpGet: {
                path: '/health/ready'
                port: 8000
              }
              periodSeconds: 5
              timeoutSeconds: 3
              failureThreshold: 2
              successThreshold: 1
            }
          ]
        }
        srhSidecar
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http-concurrency'
            http: {
              metadata: {
                concurrentRequests: string(concurrentRequests)
              }
            }
          }
          {
            name: 'cpu'
            custom: {
              type: 'cpu'
              metadata: {
                type: 'Utilization'
                value: '70'
              }
            }
          }
        ]
      }
    }
  }
}

resource migrationJob 'Microsoft.App/jobs@2024-03-01' = {
  name: '${name}-migrate'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: managedEnvironment.id
    workloadProfileName: 'Consumption'
    configuration: {
      triggerType: 'Manual'
      replicaTimeout: 600
      replicaRetryLimit: 1
      manualTriggerConfig: {
        parallelism: 1
        replicaCompletionCount: 1
      }
      registries: registries
      secrets: keyVaultSecretRefs
    }
    template: {
      containers: [
        {
          name: 'migrate'
          image: jobImage
          command: ['node', 'dist/migrate.js']
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          // The same environment as the API, so configuration is validated the same way.
          env: concat(appEnv, [{ name: 'ARIA_VERSION', value: versionOf.job }])
        }
      ]
    }
  }
}

resource worker 'Microsoft.App/containerApps@2024-03-01' = if (deployWorker) {
  name: '${name}-worker'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: managedEnvironment.id
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      registries: registries
      secrets: keyVaultSecretRefs
    }
    template: {
      containers: [
        {
          name: 'worker'
          image: jobImage
          command: workerCommand
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          env: concat(appEnv, [{ name: 'ARIA_VERSION', value: versionOf.job }])
        }
        srhSidecar
      ]
      scale: {
        // Workers share the queues in PostgreSQL (each event is claimed by one), so replicas
        // may be added for throughput; one keeps the event backlog moving.
        minReplicas: 1
        maxReplicas: 3
      }
    }
  }
}

output apiName string = api.name
output apiFqdn string = api.properties.configuration.ingress.fqdn
output apiId string = api.id
output migrationJobName string = migrationJob.name
output workerName string = deployWorker ? '${name}-worker' : ''
