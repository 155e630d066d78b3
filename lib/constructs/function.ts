import * as path from 'node:path';
import { Duration, Validations } from 'aws-cdk-lib';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { type ILogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FunctionSpec } from '../wiring';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The stage's log retention in days as CloudWatch's enum (every log group of the stack follows it). */
export function retentionOf(days: number): RetentionDays {
  const found = Object.values(RetentionDays).find((v) => v === days);
  if (found === undefined) throw new Error(`logRetentionDays ${days} is not a CloudWatch retention period`);
  return found as RetentionDays;
}

/**
 * How every function is bundled (esbuild through NodejsFunction). The local runtime bundles the
 * handlers with these same options, so what runs on a laptop is what deploys.
 */
export const BUNDLING = {
  format: OutputFormat.ESM,
  minify: true,
  sourceMap: true,
  target: 'node24',
  mainFields: ['module', 'main'],
  // Some dependencies still `require` Node built-ins; ESM bundles need a require shim.
  banner: "import { createRequire as __aduanCreateRequire } from 'module'; const require = __aduanCreateRequire(import.meta.url);",
  // sharp carries a native library esbuild cannot bundle: installed into the asset instead (nativeModules).
  externalModules: ['sharp'] as string[],
} as const;

/** Pins runtime, architecture, tracing, logging and bundling for every function. */
export class AduanFunction extends Construct {
  readonly fn: NodejsFunction;

  constructor(
    scope: Construct,
    id: string,
    props: {
      spec: FunctionSpec;
      /**
       * The stack's one function log group: Lambda names each stream after its function
       * (YYYY/MM/DD/<function>[version]…), so one group keeps them apart and the stack 50
       * resources further from CloudFormation's 500.
       */
      logGroup: ILogGroup;
    },
  ) {
    super(scope, id);
    const { spec } = props;
    this.fn = new NodejsFunction(this, 'Fn', {
      entry: path.join(PROJECT_ROOT, spec.entry),
      handler: 'handler',
      description: spec.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: spec.memoryMb,
      timeout: Duration.seconds(spec.timeoutSeconds),
      tracing: Tracing.ACTIVE,
      logGroup: props.logGroup,
      loggingFormat: LoggingFormat.JSON,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
      bundling: {
        ...BUNDLING,
        mainFields: [...BUNDLING.mainFields],
        externalModules: [...BUNDLING.externalModules],
        forceDockerBundling: false,
        ...(spec.nativeModules
          ? {
              nodeModules: [...spec.nativeModules],
              // Lambda runs arm64 Linux: npm installs that platform's prebuilt binaries, whatever this machine is.
              environment: { npm_config_os: 'linux', npm_config_cpu: 'arm64', npm_config_libc: 'glibc' },
            }
          : {}),
      },
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'aduan',
        // Traces keep neither answers nor error texts (functions/shared/powertools.ts says why).
        POWERTOOLS_TRACER_CAPTURE_RESPONSE: 'false',
        POWERTOOLS_TRACER_CAPTURE_ERROR: 'false',
      },
    });
    const role = this.fn.role;
    if (role) {
      Validations.of(role).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'Only logs:CreateLogStream/PutLogEvents; the function writes to the stack’s function log group.',
      });
      Validations.of(role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'X-Ray tracing (xray:PutTraceSegments, PutTelemetryRecords) supports no resource-level permissions.',
      });
    }
  }
}
