// Aria on Azure, one resource group per environment:
//   Container Apps (API + serverless-redis-http sidecar, migration job, optional worker),
//   PostgreSQL Flexible Server 16, Azure Cache for Redis, Key Vault + user-assigned identity,
//   Log Analytics + Application Insights, alerts.
// The registry, the apps' identity and the Key Vault come from foundation.bicep (deployed
// first: the image must be pushed and operators' secrets set before the apps reference them).
// Parameters per environment: env/staging.bicepparam, env/production.bicepparam.
// Secrets: the two secure parameters are read from the deploying environment
// (readEnvironmentVariable in the .bicepparam files); everything else lives in Key Vault.
targetScope = 'resourceGroup'

@allowed(['staging', 'production'])
param environmentName string

@minLength(3)
@maxLength(12)
param namePrefix string = 'aria'

param location string = resourceGroup().location

@description('Outputs of foundation.bicep.')
param registryName string
param identityName string
param keyVaultName string

@description('Tag the API runs now. The deploy moves it to jobImageTag only after the migration job succeeded.')
param apiImageTag string

@description('Tag of the image just pushed: the migration job (and worker) run it.')
param jobImageTag string

@description('serverless-redis-http image; pin a digest for production.')
param srhImage string = 'hiett/serverless-redis-http:latest'

// PostgreSQL
param postgresAdminLogin string = 'aria_admin'
@secure()
@minLength(16)
param postgresAdminPassword string
param postgresSkuName string
@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param postgresSkuTier string
param postgresStorageSizeGB int
param postgresBackupRetentionDays int
param postgresGeoRedundantBackup bool
param postgresHighAvailability bool

// Redis
@allowed(['Basic', 'Standard', 'Premium'])
param redisSkuName string
param redisCapacity int

@secure()
@minLength(32)
@description('UPSTASH_REDIS_REST_TOKEN shared by the API and its SRH sidecar.')
param srhToken string

// API
param apiCpu string
param apiMemory string
param apiMinReplicas int
param apiMaxReplicas int
param apiConcurrentRequests int = 50
param corsOrigins string = ''
param logLevel string = 'info'
param databasePoolMax int = 10
param otelSampleRatio string = '1'

@description('Provider secrets already set in Key Vault: [{ env: "OPENAI_API_KEY", secret: "openai-api-key" }, ...].')
param optionalSecrets array = []

// Worker: `node dist/worker.js` (pnpm worker) works the background jobs, TrackLit event
// delivery among them. Deployed, it takes them off the API (JOBS_IN_PROCESS=false there).
param deployWorker bool = false
param workerCommand array = ['node', 'dist/worker.js']

// Monitoring
param logRetentionDays int
param alertEmail string

var name = '${namePrefix}-${environmentName}'
var suffix = uniqueString(resourceGroup().id)

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = {
  name: registryName
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource srhTokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'srh-token'
  properties: {
    value: srhToken
    contentType: 'UPSTASH_REDIS_REST_TOKEN shared by the API and its SRH sidecar'
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: name
    location: location
    retentionInDays: logRetentionDays
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    name: '${name}-pg-${suffix}'
    location: location
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    skuName: postgresSkuName
    skuTier: postgresSkuTier
    storageSizeGB: postgresStorageSizeGB
    backupRetentionDays: postgresBackupRetentionDays
    geoRedundantBackup: postgresGeoRedundantBackup
    highAvailability: postgresHighAvailability
    keyVaultName: vault.name
  }
}

module redis 'modules/redis.bicep' = {
  name: 'redis'
  params: {
    name: '${name}-redis-${suffix}'
    location: location
    skuName: redisSkuName
    capacity: redisCapacity
    keyVaultName: vault.name
  }
}

module apps 'modules/container-apps.bicep' = {
  name: 'container-apps'
  params: {
    name: name
    location: location
    workspaceName: monitoring.outputs.workspaceName
    identityId: identity.id
    registryLoginServer: registry.properties.loginServer
    keyVaultUri: vault.properties.vaultUri
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    apiImage: '${registry.properties.loginServer}/aria-api:${apiImageTag}'
    jobImage: '${registry.properties.loginServer}/aria-api:${jobImageTag}'
    srhImage: srhImage
    apiCpu: apiCpu
    apiMemory: apiMemory
    minReplicas: apiMinReplicas
    maxReplicas: apiMaxReplicas
    concurrentRequests: apiConcurrentRequests
    corsOrigins: corsOrigins
    logLevel: logLevel
    databasePoolMax: databasePoolMax
    otelSampleRatio: otelSampleRatio
    deployWorker: deployWorker
    workerCommand: workerCommand
    optionalSecrets: optionalSecrets
  }
  // The apps resolve their Key Vault references at creation: the secrets this template
  // writes must exist by then.
  dependsOn: [
    srhTokenSecret
    postgres
    redis
  ]
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    name: name
    location: location
    workspaceId: monitoring.outputs.workspaceId
    apiAppId: apps.outputs.apiId
    apiAppName: apps.outputs.apiName
    alertEmail: alertEmail
  }
}

output apiName string = apps.outputs.apiName
output apiUrl string = 'https://${apps.outputs.apiFqdn}'
output migrationJobName string = apps.outputs.migrationJobName
output postgresServerName string = postgres.outputs.serverName
output appInsightsId string = monitoring.outputs.appInsightsId
