// Staging: smallest sizes, one replica, short backups. No secret here: the two secure
// parameters come from the deploying environment (GitHub environment secrets in the deploy
// workflow, or exported by hand: infra/RUNBOOK.md).
using '../main.bicep'

param environmentName = 'staging'
// Outputs of foundation.bicep, exported by the deploy workflow.
param registryName = readEnvironmentVariable('ARIA_REGISTRY_NAME')
param identityName = readEnvironmentVariable('ARIA_IDENTITY_NAME')
param keyVaultName = readEnvironmentVariable('ARIA_KEY_VAULT_NAME')
param apiImageTag = readEnvironmentVariable('ARIA_API_IMAGE_TAG')
param jobImageTag = readEnvironmentVariable('ARIA_JOB_IMAGE_TAG')

param postgresAdminPassword = readEnvironmentVariable('POSTGRES_ADMIN_PASSWORD')
param postgresSkuName = 'Standard_B1ms'
param postgresSkuTier = 'Burstable'
param postgresStorageSizeGB = 32
param postgresBackupRetentionDays = 7
param postgresGeoRedundantBackup = false
param postgresHighAvailability = false

param redisSkuName = 'Basic'
param redisCapacity = 0
param srhToken = readEnvironmentVariable('SRH_TOKEN')

param apiCpu = '0.5'
param apiMemory = '1Gi'
param apiMinReplicas = 1
param apiMaxReplicas = 2
param databasePoolMax = 5
param logLevel = 'debug'
param otelSampleRatio = '1'
param corsOrigins = readEnvironmentVariable('ARIA_CORS_ORIGINS', '')

param deployWorker = false

param logRetentionDays = 30
param alertEmail = readEnvironmentVariable('ARIA_ALERT_EMAIL')
